namespace ContentPipeline.Summaries.Extractive;

/// <summary>Splits news text into sentences. Each line is a paragraph and is split on its own.</summary>
/// <remarks>
/// Every sentence returned is a trimmed substring of the input, so summaries built from them stay faithful.
/// Handles quotes closing after the full stop, abbreviations, initials, decimals, ellipses and a missing
/// space after a full stop ("$10.9bn.For the year"), which scraped and reference texts both contain.
/// </remarks>
public static class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
            SplitParagraph(paragraph, sentences);
        return sentences;
    }

    private static void SplitParagraph(string p, List<string> into)
    {
        var start = 0;
        for (var i = 0; i < p.Length; i++)
        {
            if (!IsTerminator(p[i]))
                continue;
            var runEnd = i;
            while (runEnd < p.Length && IsTerminator(p[runEnd]))
                runEnd++;
            var end = AbsorbClosers(p, start, runEnd);
            if (end < p.Length && IsBoundary(p, start, i, runEnd, end))
            {
                AddTrimmed(p[start..end], into);
                start = end;
            }
            i = end - 1;
        }
        AddTrimmed(p[start..], into);
    }

    private static bool IsBoundary(string p, int start, int stop, int runEnd, int end)
    {
        var gap = end;
        while (gap < p.Length && char.IsWhiteSpace(p[gap]))
            gap++;
        if (gap == p.Length)
            return true;
        var c = p[gap];
        if (char.IsLower(c))
            return false;
        var fullStop = runEnd - stop == 1 && p[stop] == '.';
        var word = WordBefore(p, start, stop);
        var next = WordAt(p, gap);
        if (gap > end)
            return !fullStop || AfterFullStop(word, next, c, missingSpace: false);
        return StartsRunOnSentence(p, gap, word, stop > start ? p[stop - 1] : ' ')
            && (!fullStop || AfterFullStop(word, next, c, missingSpace: true));
    }

    private static bool AfterFullStop(string word, string next, char c, bool missingSpace)
    {
        if (Abbreviations.IsNeverFinal(word))
            return false;
        if (char.IsDigit(c))
            return !Abbreviations.IsBeforeNumber(word);
        if (Abbreviations.IsInitial(word) || Abbreviations.IsMaybeFinal(word))
            return Abbreviations.IsSentenceOpener(next) && (!missingSpace || next.Length > 1);
        return !char.IsPunctuation(c) || IsOpener(c);
    }

    // With no space after the stop, only a word-like end ("bn", "said", "2%", "UK") followed by a capital
    // that is not itself an initial counts; this keeps "U.S.A" and "ASP.NET" whole ("e.g." is an abbreviation).
    private static bool StartsRunOnSentence(string p, int gap, string word, char before)
    {
        var i = gap;
        while (i < p.Length && IsOpener(p[i]))
            i++;
        if (i + 1 >= p.Length || !char.IsUpper(p[i]))
            return false;
        var capitalisedWord = char.IsLower(p[i + 1]);
        if (char.IsLower(before) || char.IsDigit(before) || before is '%' or ')' or '”' or '’' or '"' or '\'')
            return p[i + 1] != '.';
        return char.IsUpper(before) && word.Length > 1 && !word.Contains('.') && capitalisedWord;
    }

    private static int AbsorbClosers(string p, int start, int end)
    {
        while (end < p.Length)
        {
            var c = p[end];
            var atWordEnd = end + 1 == p.Length || char.IsWhiteSpace(p[end + 1]);
            var closes = c is '”' or '’' or ')' or ']'
                || (c == '"' && (atWordEnd || CountOf(p, start, end, '"') % 2 == 1))
                || (c == '\'' && atWordEnd);
            if (!closes)
                break;
            end++;
        }
        return end;
    }

    private static string WordBefore(string p, int start, int stop)
    {
        var i = stop;
        while (i > start && !char.IsWhiteSpace(p[i - 1]) && !IsOpener(p[i - 1]))
            i--;
        return p[i..stop];
    }

    private static string WordAt(string p, int i)
    {
        while (i < p.Length && IsOpener(p[i]))
            i++;
        var j = i;
        while (j < p.Length && (char.IsLetterOrDigit(p[j]) || p[j] is '\'' or '’'))
            j++;
        return p[i..j];
    }

    private static int CountOf(string p, int start, int end, char c)
    {
        var n = 0;
        for (var i = start; i < end; i++)
            if (p[i] == c)
                n++;
        return n;
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsOpener(char c) => c is '"' or '“' or '‘' or '\'' or '(' or '[';

    private static void AddTrimmed(string sentence, List<string> into)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
            into.Add(trimmed);
    }
}
