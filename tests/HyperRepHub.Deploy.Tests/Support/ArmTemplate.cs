using System.Text.Json.Nodes;

namespace HyperRepHub.Deploy.Tests.Support;

/// <summary>A resource of a compiled ARM template, with the template (main or a module) that declares it.</summary>
internal sealed record TemplateResource(JsonObject Template, JsonObject Resource)
{
    /// <summary>Returns a variable of the declaring template.</summary>
    public JsonNode Variable(string name) =>
        Template["variables"]?[name] ?? throw new KeyNotFoundException($"The template has no variable '{name}'.");

    /// <summary>Returns a parameter's default value in the declaring template.</summary>
    public JsonNode ParameterDefault(string name) =>
        Template["parameters"]?[name]?["defaultValue"]
        ?? throw new KeyNotFoundException($"The template has no default for parameter '{name}'.");
}

/// <summary>Walks the JSON that <c>bicep build</c> emits, including the templates of nested modules.</summary>
internal static class ArmTemplate
{
    /// <summary>
    /// Returns every resource of <paramref name="type"/> that the template and its modules deploy; references to
    /// existing resources (<c>"existing": true</c>) are left out.
    /// </summary>
    public static IReadOnlyList<TemplateResource> FindResources(JsonObject template, string type) =>
        AllResources(template)
            .Where(found => ResourceType(found.Resource) == type)
            .Where(found => found.Resource["existing"]?.GetValue<bool>() != true)
            .ToList();

    /// <summary>Returns the one resource of <paramref name="type"/>; throws when there is none or several.</summary>
    public static TemplateResource FindSingle(JsonObject template, string type)
    {
        var found = FindResources(template, type);
        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException($"Expected one {type} resource, found {found.Count}.");
    }

    private static IEnumerable<TemplateResource> AllResources(JsonObject template)
    {
        foreach (var resource in DeclaredResources(template))
        {
            yield return new TemplateResource(template, resource);
            if (ResourceType(resource) == "Microsoft.Resources/deployments"
                && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    // Bicep emits language version 2.0 when a file uses newer features, such as user-defined functions. Those
    // templates key resources by symbolic name in an object, and older ones list them in an array.
    private static IEnumerable<JsonObject> DeclaredResources(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(pair => pair.Value).OfType<JsonObject>(),
            _ => [],
        };

    private static string ResourceType(JsonObject resource) => resource["type"]?.GetValue<string>() ?? "";
}
