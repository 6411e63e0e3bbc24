using System.Text;

namespace Connectivity.Mapping.Internal;

internal abstract class CompiledCondition
{
    public abstract bool Test(ref EvalContext context);
}

internal sealed class ExistsCondition(SlotAccessor accessor, bool negate) : CompiledCondition
{
    public override bool Test(ref EvalContext context) => accessor.Read(ref context).IsAbsentOrNull == negate;
}

internal sealed class EqualsCondition(SlotAccessor accessor, byte[][] values, bool ignoreCase, bool negate) : CompiledCondition
{
    public override bool Test(ref EvalContext context)
    {
        var value = accessor.Read(ref context);
        if (!value.IsScalarText)
        {
            return negate;
        }

        var bytes = context.Bytes(value);
        foreach (var candidate in values)
        {
            if (ignoreCase ? EqualsIgnoreCase(bytes, candidate) : bytes.SequenceEqual(candidate))
            {
                return !negate;
            }
        }

        return negate;
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (Ascii.IsValid(left) && Ascii.IsValid(right))
        {
            return Ascii.EqualsIgnoreCase(left, right);
        }

        return string.Equals(Encoding.UTF8.GetString(left), Encoding.UTF8.GetString(right), StringComparison.OrdinalIgnoreCase);
    }
}

internal sealed class CompositeCondition(MapConditionKind kind, CompiledCondition[] conditions) : CompiledCondition
{
    public override bool Test(ref EvalContext context)
    {
        switch (kind)
        {
            case MapConditionKind.All:
                foreach (var condition in conditions)
                {
                    if (!condition.Test(ref context))
                    {
                        return false;
                    }
                }

                return true;
            case MapConditionKind.Any:
                foreach (var condition in conditions)
                {
                    if (condition.Test(ref context))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return !conditions[0].Test(ref context);
        }
    }
}
