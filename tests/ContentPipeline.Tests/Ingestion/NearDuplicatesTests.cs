using ContentPipeline.Data;
using ContentPipeline.Ingestion;
using ContentPipeline.Tests.EndToEnd;
using ContentPipeline.Tests.Ingestion.Feeds;
using ContentPipeline.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace ContentPipeline.Tests.Ingestion;

public sealed class NearDuplicatesTests
{
    private const string Rewritten =
        "UPDATED: The town of Amberley has opened a lending library for tools in its old fire station.\n" +
        "Residents can borrow drills, ladders and sewing machines for a week at a time. " +
        "Volunteers say more than three hundred people signed up in the first fortnight. The library opens on Saturdays.";

    [Fact]
    public void Similarity_IsHigh_ForTheSameStoryRewrapped_AndLow_ForAnotherStory()
    {
        var first = NearDuplicates.Signature(FeedFixtures.StoryOne);

        Assert.True(NearDuplicates.Similarity(first, NearDuplicates.Signature(Rewritten)) >= 0.6);
        Assert.True(NearDuplicates.Similarity(first, NearDuplicates.Signature(FeedFixtures.StoryTwo)) <= 0.1);
        Assert.Equal(1.0, NearDuplicates.Similarity(first, NearDuplicates.Signature(FeedFixtures.StoryOne)));
    }

    [Fact]
    public async Task TheSameStoryFromTwoFeeds_IsStoredOnceAsNew_AndOnceAsADuplicateThatNoIssueTakes()
    {
        using var root = new TestRoot();
        var cli = new CliRunner(root.Root);
        var first = root.Write("in/a.txt", "Tool library opens\n\n" + FeedFixtures.StoryOne);
        var second = root.Write("in/b.txt", "Amberley tool library\n\n" + Rewritten);
        var other = root.Write("in/c.txt", Fixtures.SecondArticle);

        var result = await cli.RunAsync("ingest", first, second, other);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("near-duplicate: #2 of #1", result.Lines[1]);
        Assert.Equal(0, (await cli.RunAsync("digest", "--timeout", "60")).ExitCode);
        await using var db = TestDb.Open(root.Root);
        var duplicate = await db.Articles.SingleAsync(a => a.Id == 2);
        Assert.Equal((ArticleStatus.Duplicate, (long?)1, (long?)null), (duplicate.Status, duplicate.DuplicateOfId, duplicate.IssueId));
        Assert.Equal(2, await db.Articles.CountAsync(a => a.IssueId == 1));
    }
}
