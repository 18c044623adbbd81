using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Ingestion;

[Collection(HostCollection.Name)]
public sealed class IngestCommandTests : IDisposable
{
    private readonly TestRoot _root = new();

    [Fact]
    public async Task Ingest_ReportsEachBadInputOnItsOwnLine_StoresTheGoodOne_AndExitsOne()
    {
        var good = _root.Write("in/good.txt", Fixtures.SecondArticle);
        var empty = _root.Write("in/empty.txt", "");
        var binary = _root.WriteBytes("in/photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        var missing = Path.Combine(_root.Path, "in/missing.txt");
        var unreachable = $"http://127.0.0.1:{SmtpTestServer.FreePort()}/story";

        var result = await new CliRunner(_root.Root).RunAsync("ingest", empty, good, binary, missing, unreachable);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(5, result.Lines.Length);
        Assert.Equal($"error {empty}: the file is empty", result.Lines[0]);
        Assert.Equal($"ok {good}: 1 new article(s)", result.Lines[1]);
        Assert.Equal($"error {binary}: it is not a text file (binary content)", result.Lines[2]);
        Assert.Equal($"error {missing}: no such file or folder", result.Lines[3]);
        Assert.StartsWith($"error {unreachable}: could not fetch it:", result.Lines[4]);
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal("Harbour market wins award for reducing waste", (await db.Articles.SingleAsync()).Title);
    }

    [Fact]
    public async Task Ingest_SameTextTwice_StoresOneArticle()
    {
        var first = _root.Write("in/a.txt", Fixtures.FurnishedArticle);
        var copy = _root.Write("in/b.txt", Fixtures.FurnishedArticle);
        var cli = new CliRunner(_root.Root);

        var result = await cli.RunAsync("ingest", first, copy);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"ok {copy}: 0 new article(s) (already stored as #1)", result.Lines[1]);
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(1, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Ingest_Json_PrintsOneObjectPerArticleAndPerFailure()
    {
        var folder = Path.GetDirectoryName(_root.Write("in/market.md", "# Market wins award\n\n" + Fixtures.SecondArticle.Split("\n\n", 2)[1]))!;
        _root.Write("in/short.txt", "Too short.");

        var result = await new CliRunner(_root.Root).RunAsync("ingest", "--json", folder);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("Market wins award", lines[0].GetProperty("title").GetString());
        Assert.Equal(1, lines[0].GetProperty("id").GetInt64());
        Assert.Contains("too little article text", lines[1].GetProperty("error").GetString());
    }

    public void Dispose() => _root.Dispose();
}
