namespace ContentPipeline.Tests.EndToEnd;

/// <summary>Original article text written for these tests, with the page furniture real pages carry.</summary>
public static class Fixtures
{
    /// <summary>No title line; a "Continue reading:" list of related headlines and a subscribe prompt in the middle.</summary>
    public const string FurnishedArticle = """
        The city of Larkhaven will close its oldest bridge to cars from next spring, after engineers found that two of its iron supports had corroded far faster than expected.
        The Wexley Bridge, which opened in 1874, carries about 11,000 vehicles a day across the River Tam. It will stay open to people on foot and on bicycles.
        Council leader Ruth Ambrose said the decision was painful but unavoidable. "We cannot ask people to drive over a structure that our own engineers no longer trust," she said.
        Continue reading:
        Larkhaven council approves new cycle lanes on Tam Road
        Five things to know about the city's budget
        Traders on the north bank fear the closure will cost them customers. A survey by the local chamber of commerce found that six in ten shops expect fewer visitors.
        Subscribe to the Larkhaven Daily for morning headlines
        The council says a temporary bus shuttle will run every ten minutes between the two banks while a longer-term plan is drawn up.
        Repairs are expected to cost at least £9.5m, and the work could take three years. Engineers will decide by the summer whether the iron supports can be saved or must be replaced.
        """;

    public const string SecondArticle = """
        Harbour market wins award for reducing waste

        The covered market at Port Sellin has won a national award for cutting the rubbish its traders send to landfill by more than half in two years.
        Stallholders now sort food waste into bins that feed a composting site on the edge of town, and unsold bread is given to a shelter every evening.
        The market's manager, Tomas Reyes, said traders had been sceptical at first. "Once they saw their waste bills fall, nobody needed persuading," he said.
        The award comes with a £20,000 prize, which the market plans to spend on reusable crates for fish and vegetables.
        """;
}
