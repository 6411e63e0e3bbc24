namespace Connectivity.Mapping;

/// <summary>A named C# function a map document may call, for what the declarative rules cannot say.</summary>
/// <param name="arguments">The values of the call's arguments, valid only during the call.</param>
/// <returns>The produced value, or a failure that becomes an error of the record.</returns>
public delegate MapFunctionResult MapFunction(MapFunctionArguments arguments);
