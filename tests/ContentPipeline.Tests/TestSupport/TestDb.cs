using ContentPipeline.Data;
using ContentPipeline.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.TestSupport;

/// <summary>Opens a test folder's real SQLite database, to assert on what the commands stored.</summary>
public static class TestDb
{
    public static AppDbContext Open(ContentRoot root) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(DataExtensions.SqliteConnectionString("Data Source=data/contentpipeline.db", root)).Options);
}
