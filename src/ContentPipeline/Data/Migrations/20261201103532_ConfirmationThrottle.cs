using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentPipeline.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConfirmationThrottle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConfirmationSentAt",
                table: "Subscribers",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConfirmationSentAt",
                table: "Subscribers");
        }
    }
}
