using System.Globalization;
using System.Text;

namespace Edge.Asr.Sim.Report
{
    /// <summary>
    /// Builds a self-contained XHTML page (well-formed XML, inline CSS and SVG, no network): what
    /// the reports of edge-asr are written with.
    /// </summary>
    public sealed class Xhtml
    {
        public const string SvgNamespace = "http://www.w3.org/2000/svg";

        private static readonly CultureInfo C = CultureInfo.InvariantCulture;
        private readonly StringBuilder _b = new StringBuilder();

        public Xhtml(string title)
        {
            _b.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>")
              .Append(Escape(title)).Append("</title>\n<style>\n")
              .Append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td,th{padding:2px 8px;text-align:right}")
              .Append("th:first-child,td:first-child{text-align:left}section{margin-bottom:2em}svg text{font-family:sans-serif}svg{max-width:100%;height:auto}\n")
              .Append("</style>\n</head>\n<body>\n<h1>").Append(Escape(title)).Append("</h1>\n");
        }

        public static string Escape(string s) =>
            s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

        public static string Num(double v) => v.ToString("0.##", C);

        /// <summary>Appends raw, already well-formed markup.</summary>
        public Xhtml Raw(string markup)
        {
            _b.Append(markup);
            return this;
        }

        public Xhtml Text(string element, string text, string? cssClass = null)
        {
            _b.Append('<').Append(element);
            if (cssClass != null) _b.Append(" class=\"").Append(Escape(cssClass)).Append('"');
            _b.Append('>').Append(Escape(text)).Append("</").Append(element).Append(">\n");
            return this;
        }

        public Xhtml OpenSection(string id)
        {
            _b.Append("<section id=\"").Append(Escape(id)).Append("\">\n");
            return this;
        }

        public Xhtml CloseSection()
        {
            _b.Append("</section>\n");
            return this;
        }

        public override string ToString() => _b.ToString() + "</body>\n</html>\n";
    }
}
