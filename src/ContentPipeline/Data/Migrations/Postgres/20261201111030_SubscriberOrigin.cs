using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentPipeline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubscriberOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
