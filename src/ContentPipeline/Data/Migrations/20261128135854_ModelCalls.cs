using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContentPipeline.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModelCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ModelCalls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CacheKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: true),
                    IssueId = table.Column<long>(type: "INTEGER", nullable: true),
                    Provider = table.Column<string>(type: "TEXT", nullable: false),
                    Model = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    InputTokens = table.Column<long>(type: "INTEGER", nullable: false),
                    OutputTokens = table.Column<long>(type: "INTEGER", nullable: false),
                    Cost = table.Column<double>(type: "REAL", nullable: false),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ResponseText = table.Column<string>(type: "TEXT", nullable: true),
                    FinishReason = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelCalls", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ModelCalls_ArticleId",
                table: "ModelCalls",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelCalls_CacheKey_Outcome",
                table: "ModelCalls",
                columns: new[] { "CacheKey", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelCalls_IssueId",
                table: "ModelCalls",
                column: "IssueId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ModelCalls");
        }
    }
}
