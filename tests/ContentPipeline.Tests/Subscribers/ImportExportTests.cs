using System.Diagnostics;
using System.Text;
using ContentPipeline.Data;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Subscribers;

[Collection(HostCollection.Name)]
public sealed class ImportExportTests : IDisposable
{
    private readonly TestRoot _root = new();
    private readonly CliRunner _cli;

    public ImportExportTests() => _cli = new CliRunner(_root.Root);

    [Fact]
    public async Task Import_ReportsInvalidRowsByLine_MergesDuplicates_AndRejectsControlCharacters()
    {
        Assert.Equal(0, (await _cli.RunAsync("subscribers", "add", "Known@Example.org")).ExitCode);
        var csv = _root.Write("in.csv", string.Join("\r\n",
            "Name,Country,EMAIL",
            "\"Smith, Ann\",UK,ann@example.org",
            "Bob,FR,not-an-address",
            ",DE,ANN@example.org",
            "Known,US,known@example.org",
            "\"Multi",
            "line\",NL,\"eve@example.org\r\nBcc: x@evil.test\"",
            "Cy,SE,cy@example.org",
            "\"Dee \"\"the\"\" Reader\",IE,dee@example.org",
            ""));

        var result = await _cli.RunAsync("subscribers", "import", csv);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("read 7 row(s): 3 added, 1 duplicate(s) in the file merged, 1 already subscribed, 2 invalid", result.Lines[0]);
        Assert.Equal("line 3: email: 'not-an-address' is not a valid address: the domain part is missing or has no dot", result.Lines[1]);
        Assert.Equal("line 6: email: the address contains control characters (CR, LF or others)", result.Lines[2]);
        await using var db = TestDb.Open(_root.Root);
        var added = await db.Subscribers.Where(s => s.Origin == "import").OrderBy(s => s.Id).Select(s => new { s.Email, s.Name, s.Status }).ToListAsync();
        Assert.Equal(["ann@example.org", "cy@example.org", "dee@example.org"], added.Select(s => s.Email));
        Assert.Equal(["Smith, Ann", "Cy", "Dee \"the\" Reader"], added.Select(s => s.Name));
        Assert.All(added, s => Assert.Equal(SubscriberStatus.Active, s.Status));
    }

    [Fact]
    public async Task Import_ReadsAHeaderAfterAByteOrderMark_AndStopsAtAHeaderWithoutAnEmailColumn()
    {
        var bom = _root.Write("bom.csv", "\uFEFF Email ,Name\r\nann@example.org,Ann\r\n\r\nbob@example.org,\"Bob\r\nBcc: x@evil.test\"\r\ncy@example.org\r\n");
        var noEmail = _root.Write("no-email.csv", "Name,E-mail\nAnn,ann@example.org\n");

        var read = await _cli.RunAsync("subscribers", "import", bom);
        var stopped = await _cli.RunAsync("subscribers", "import", noEmail);

        Assert.Equal(1, read.ExitCode);
        Assert.Equal("read 3 row(s): 2 added, 0 duplicate(s) in the file merged, 0 already subscribed, 1 invalid", read.Lines[0]);
        Assert.StartsWith("line 4: name: ", read.Lines[1]);
        Assert.Equal(2, stopped.ExitCode);
        Assert.Contains("the header row has no email column (found: name, e-mail)", stopped.Error);
    }

    [Fact]
    public async Task Import_TakesAHundredThousandRowsInSeconds()
    {
        var csv = new StringBuilder("email,name\n");
        for (var i = 0; i < 100_000; i++) csv.Append("reader").Append(i).Append("@example.org,Reader ").Append(i).Append('\n');
        var file = _root.Write("big.csv", csv.ToString());

        var clock = Stopwatch.StartNew();
        var result = await _cli.RunAsync("subscribers", "import", file);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.StartsWith("read 100000 row(s): 100000 added", result.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        await using var db = TestDb.Open(_root.Root);
        Assert.Equal(100_000, await db.Subscribers.CountAsync());
    }

    [Fact]
    public async Task Export_WritesCsvThatNoSpreadsheetRunsAsAFormula()
    {
        Assert.Equal(0, (await _cli.RunAsync("subscribers", "add", "ann@example.org", "--name", "=HYPERLINK(\"http://evil.test\",\"x\")")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("subscribers", "add", "bob@example.org", "--name", "Bob, Jr")).ExitCode);
        var file = Path.Combine(_root.Path, "out.csv");

        var result = await _cli.RunAsync("subscribers", "export", "--out", file);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(file);
        Assert.Equal("email,name,status,source,created", lines[0]);
        Assert.StartsWith("ann@example.org,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",active,cli,", lines[1]);
        Assert.StartsWith("bob@example.org,\"Bob, Jr\",active,cli,", lines[2]);
        Assert.Equal(lines, (await _cli.RunAsync("subscribers", "export")).Lines);
    }

    [Fact]
    public async Task Export_EscapesAFormulaThatStartsAfterASemicolon()
    {
        // A spreadsheet whose list separator is ';' splits "Bob;=1+1" into "Bob" and a formula.
        Assert.Equal(0, (await _cli.RunAsync("subscribers", "add", "bob@example.org", "--name", "Bob;=1+1")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("subscribers", "add", "cy@example.org", "--name", "Cy; Jr")).ExitCode);

        var result = await _cli.RunAsync("subscribers", "export");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("bob@example.org,Bob;'=1+1,active,cli,", result.Lines[1]);
        Assert.StartsWith("cy@example.org,Cy; Jr,active,cli,", result.Lines[2]);
    }

    public void Dispose() => _root.Dispose();
}
