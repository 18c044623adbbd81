namespace ContentPipeline.Summaries.Extractive;

/// <summary>English function words that carry no topic, skipped when ranking sentences and picking topics.</summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "ever", "every",
        "few", "for", "from", "further", "get", "got", "had", "has", "have", "having", "he", "her", "here",
        "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "last", "like", "made", "make", "many", "may", "me", "might", "more",
        "most", "much", "must", "my", "myself", "new", "no", "nor", "not", "now", "of", "off", "on", "once",
        "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "per", "put",
        "said", "same", "say", "says", "see", "she", "should", "since", "so", "some", "still", "such",
        "take", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
        "they", "this", "those", "though", "through", "to", "told", "too", "two", "under", "until", "up",
        "upon", "us", "very", "was", "way", "we", "well", "were", "what", "when", "where", "whether",
        "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would",
        "year", "years", "yet", "you", "your", "yours", "yourself", "s", "t", "mr", "mrs", "ms", "dr",
        "don", "didn", "doesn", "isn", "wasn", "weren", "won", "wouldn", "couldn", "shouldn", "ll", "re",
        "ve", "d", "m", "three", "back", "going", "use", "used", "around", "among", "another", "already",
        "cannot", "let", "lot", "okay", "yes", "rather", "quite", "across", "along", "almost", "always",
        "never", "often", "really", "week", "day", "time", "first", "next", "according",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
