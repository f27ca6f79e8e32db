using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Edge.Asr.Tests.NfProj
{
    /// <summary>The shape every classic nanoFramework project file of the repository must have.</summary>
    public static class ClassicNfProj
    {
        public static IEnumerable<XElement> Elements(XDocument doc, string name) => doc.Descendants().Where(e => e.Name.LocalName == name);

        /// <summary>
        /// The three project-system imports, each conditional on its file, in this order:
        /// Default.props before the main PropertyGroup, .props after it, the .targets after every ItemGroup.
        /// </summary>
        public static void AssertImports(XDocument doc)
        {
            string[] expected = { "NFProjectSystem.Default.props", "NFProjectSystem.props", "NFProjectSystem.CSharp.targets" };
            XElement[] imports = Elements(doc, "Import").ToArray();
            Assert.Equal(expected.Select(f => "$(NanoFrameworkProjectSystemPath)" + f), imports.Select(i => (string?)i.Attribute("Project")));
            foreach (XElement import in imports)
            {
                Assert.Equal("Exists('" + (string?)import.Attribute("Project") + "')", (string?)import.Attribute("Condition"));
            }
            XElement[] top = doc.Root!.Elements().ToArray();
            int mainGroup = Array.FindIndex(top, e => e.Name.LocalName == "PropertyGroup" && e.Elements().Any(c => c.Name.LocalName == "OutputType"));
            Assert.True(Array.IndexOf(top, imports[0]) < mainGroup && mainGroup < Array.IndexOf(top, imports[1]));
            Assert.True(top.Where(e => e.Name.LocalName == "ItemGroup").All(g => Array.IndexOf(top, g) < Array.IndexOf(top, imports[2])));
        }
    }
}
