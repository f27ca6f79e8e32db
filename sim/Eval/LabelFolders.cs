namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Folder names ↔ labels as training/synth.py writes them: a phrase's spaces become '_'
    /// (label "lights on" ↔ folder lights_on); reserved labels starting with '_' (_silence_,
    /// _unknown_) are their own folder names.
    /// </summary>
    public static class LabelFolders
    {
        public static string LabelOf(string folderName) =>
            folderName.StartsWith('_') ? folderName : folderName.Replace('_', ' ');

        public static string FolderOf(string label) =>
            label.StartsWith('_') ? label : label.Replace(' ', '_');

        /// <summary>Filler labels (no command, never detected): those starting with '_'.</summary>
        public static bool IsFiller(string label) => label.StartsWith('_');
    }
}
