using System.Text;

namespace Edge.Asr.Sim.Report
{
    /// <summary>A small inline SVG builder (well-formed XML, numbers in invariant culture).</summary>
    public sealed class Svg
    {
        private readonly StringBuilder _b = new StringBuilder();

        public Svg(string cssClass, double width, double height)
        {
            _b.Append("<svg xmlns=\"").Append(Xhtml.SvgNamespace).Append("\" class=\"").Append(Xhtml.Escape(cssClass))
              .Append("\" width=\"").Append(Xhtml.Num(width)).Append("\" height=\"").Append(Xhtml.Num(height))
              .Append("\" viewBox=\"0 0 ").Append(Xhtml.Num(width)).Append(' ').Append(Xhtml.Num(height)).Append("\">\n");
        }

        public Svg Rect(string cssClass, double x, double y, double w, double h, string fill, string? title = null)
        {
            _b.Append("<rect class=\"").Append(cssClass).Append("\" x=\"").Append(Xhtml.Num(x)).Append("\" y=\"").Append(Xhtml.Num(y))
              .Append("\" width=\"").Append(Xhtml.Num(w)).Append("\" height=\"").Append(Xhtml.Num(h)).Append("\" fill=\"").Append(fill).Append('"');
            if (title == null) _b.Append(" />\n");
            else _b.Append("><title>").Append(Xhtml.Escape(title)).Append("</title></rect>\n");
            return this;
        }

        public Svg Text(string cssClass, double x, double y, string text, string anchor = "start", double size = 11, string fill = "#222")
        {
            _b.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(Xhtml.Num(x)).Append("\" y=\"").Append(Xhtml.Num(y))
              .Append("\" font-size=\"").Append(Xhtml.Num(size)).Append("\" text-anchor=\"").Append(anchor).Append("\" fill=\"").Append(fill).Append("\">")
              .Append(Xhtml.Escape(text)).Append("</text>\n");
            return this;
        }

        public Svg Line(string cssClass, double x1, double y1, double x2, double y2, string stroke, string? dash = null)
        {
            _b.Append("<line class=\"").Append(cssClass).Append("\" x1=\"").Append(Xhtml.Num(x1)).Append("\" y1=\"").Append(Xhtml.Num(y1))
              .Append("\" x2=\"").Append(Xhtml.Num(x2)).Append("\" y2=\"").Append(Xhtml.Num(y2)).Append("\" stroke=\"").Append(stroke).Append('"');
            if (dash != null) _b.Append(" stroke-dasharray=\"").Append(dash).Append('"');
            _b.Append(" />\n");
            return this;
        }

        public Svg Polyline(string cssClass, string points, string stroke, string? title)
        {
            _b.Append("<polyline class=\"").Append(cssClass).Append("\" fill=\"none\" stroke-width=\"1.5\" stroke=\"").Append(stroke)
              .Append("\" points=\"").Append(points).Append('"');
            if (title == null) _b.Append(" />\n");
            else _b.Append("><title>").Append(Xhtml.Escape(title)).Append("</title></polyline>\n");
            return this;
        }

        /// <summary>Appends raw, already well-formed SVG markup.</summary>
        public Svg Raw(string markup)
        {
            _b.Append(markup);
            return this;
        }

        public override string ToString() => _b.ToString() + "</svg>\n";
    }
}
