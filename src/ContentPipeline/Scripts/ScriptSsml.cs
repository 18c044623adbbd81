using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;

namespace ContentPipeline.Scripts;

/// <summary>
/// The script for text-to-speech (SSML 1.0): a voice element per segment, a break between segments and
/// a longer one between stories. XmlWriter escapes every character the text carries.
/// </summary>
public sealed class ScriptSsml(IOptions<ScriptOptions> options)
{
    private const string Namespace = "http://www.w3.org/2001/10/synthesis";

    public string Render(ScriptAnswer script)
    {
        var o = options.Value;
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("speak", Namespace);
            xml.WriteAttributeString("version", "1.0");
            xml.WriteAttributeString("xml", "lang", null, o.Language);
            for (var i = 0; i < script.Segments.Count; i++)
            {
                var segment = script.Segments[i];
                if (i > 0)
                {
                    xml.WriteStartElement("break", Namespace);
                    xml.WriteAttributeString("time", $"{BreakBefore(segment).TotalMilliseconds:0}ms");
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("voice", Namespace);
                xml.WriteAttributeString("name", o.Voices.GetValueOrDefault(segment.Speaker, segment.Speaker));
                xml.WriteString(Clean(segment.Text));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        // StringBuilder output is UTF-16; say UTF-8, which is what the file is written as.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    /// <summary>The pause before a segment: longer before a new story and before the sign-off. The episode keeps the same pauses.</summary>
    public static TimeSpan BreakBefore(ScriptSegment segment) =>
        TimeSpan.FromMilliseconds(segment.Kind is SegmentKind.Transition or SegmentKind.Outro ? 900 : 400);

    /// <summary>Characters XML 1.0 cannot carry at all are dropped; the writer escapes the rest.</summary>
    public static string Clean(string text) => new(text.Where(XmlConvert.IsXmlChar).ToArray());
}
