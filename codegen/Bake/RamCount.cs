using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Edge.Asr.Codegen.Bake
{
    /// <summary>
    /// Counts the RAM an object graph holds in arrays of integers, exactly: walks every instance
    /// field (reflection, desktop only) from a root and sums length × element size of each distinct
    /// primitive array it reaches, except the arrays it is told to skip (the parameters, counted
    /// on their own). Object headers, references and strings are not counted; static tables neither.
    /// </summary>
    public static class RamCount
    {
        public static int ArrayBytes(object root, ISet<object> skip)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var pending = new Stack<object>();
            pending.Push(root);
            long bytes = 0;
            while (pending.Count > 0)
            {
                object o = pending.Pop();
                if (!seen.Add(o) || skip.Contains(o)) continue;
                Type t = o.GetType();
                if (o is Array a)
                {
                    Type e = t.GetElementType()!;
                    if (e.IsPrimitive) bytes += (long)a.Length * ElementSize(e);
                    else foreach (object? item in a) if (item != null) pending.Push(item);
                    continue;
                }
                if (o is string || t.IsPrimitive || t.IsEnum) continue;
                for (Type? k = t; k != null && k != typeof(object); k = k.BaseType)
                    foreach (FieldInfo f in k.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                        if (!f.FieldType.IsPrimitive && f.GetValue(o) is object v) pending.Push(v);
            }
            return checked((int)bytes);
        }

        // Marshal.SizeOf gives the unmanaged sizes; bool and char differ from the managed ones.
        private static int ElementSize(Type e) => e == typeof(bool) ? 1 : e == typeof(char) ? 2 : Marshal.SizeOf(e);
    }
}
