namespace ContentPipeline.Summaries.Extractive;

/// <summary>Word lists the sentence splitter consults when a full stop might not end a sentence.</summary>
internal static class Abbreviations
{
    // Titles and Latin shorthands are always followed by more of the same sentence.
    private static readonly HashSet<string> NeverFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
        "rev", "hon", "fr", "supt", "insp", "e.g", "i.e", "vs", "v", "cf", "approx", "esp", "viz",
    };

    // These only hide a number that follows ("No. 10", "Jan. 5", "Vol. 3").
    private static readonly HashSet<string> BeforeNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "vol", "fig", "pp", "p", "art", "ch", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec",
    };

    // Company suffixes, "etc." and dotted forms can end a sentence as well as sit inside one.
    private static readonly HashSet<string> MaybeFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "ltd", "co", "corp", "jr", "sr", "etc", "plc", "llc", "bros", "a.m", "p.m",
        "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a",
    };

    // Capitalised words that usually open a sentence, used to settle the ambiguous cases above.
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet",
        "In", "On", "At", "For", "If", "As", "This", "That", "These", "Those", "There", "Then", "His",
        "Her", "Its", "Their", "Our", "My", "Your", "However", "Meanwhile", "When", "While", "After",
        "Before", "Now", "Some", "Many", "Most", "What", "Why", "How", "Who", "Last", "Earlier",
        "Later", "Also", "Still", "Mr", "Mrs", "Ms", "Dr", "Shares", "Analysts", "Officials",
    };

    public static bool IsNeverFinal(string word) => NeverFinal.Contains(word);

    public static bool IsBeforeNumber(string word) => BeforeNumber.Contains(word);

    public static bool IsMaybeFinal(string word) => MaybeFinal.Contains(word) || IsDotted(word);

    public static bool IsSentenceOpener(string word) => SentenceOpeners.Contains(word);

    /// <summary>"J" in "J. K. Rowling": one capital letter standing alone.</summary>
    public static bool IsInitial(string word) => word.Length == 1 && char.IsUpper(word[0]);

    // "U.S", "a.m", "Ph.D": letters separated by dots (the final dot is not part of the word).
    private static bool IsDotted(string word) =>
        word.Contains('.') && word.Split('.').All(part => part.Length is >= 1 and <= 2 && part.All(char.IsLetter));
}
