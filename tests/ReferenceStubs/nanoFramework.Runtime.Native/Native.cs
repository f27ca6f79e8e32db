// nanoFramework.Runtime.Native 1.7.11: nanoFramework.Runtime.Native/GC.cs (tag v1.7.11).
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static extern uint Run(bool compactHeap);
        public static extern void EnableGCMessages(bool enable);
    }
}
