package cn.lanzhou.epidemic.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads template.yaml and resolves it for local use, so that the local stack serves what AWS
 * would deploy. Intrinsic functions are resolved as far as the local stack needs: references to
 * tables, buckets and functions become their local names, parameters their defaults.
 */
public final class TemplateReader {
    public static final String ACCOUNT_ID = "000000000000";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern DYNAMIC_REFERENCE = Pattern.compile("\\{\\{resolve:[^}]+}}");

    private final Map<String, Object> root;
    private final Map<String, Map<String, Object>> resources;
    private final Map<String, Map<String, Object>> parameters;
    private final Map<String, Object> conditions;
    private final String region;
    private final UnaryOperator<String> environment;

    private TemplateReader(Map<String, Object> root, String region, UnaryOperator<String> environment) {
        this.root = root;
        this.resources = mapOfMaps(root.get("Resources"));
        this.parameters = mapOfMaps(root.get("Parameters"));
        this.conditions = map(root.get("Conditions"));
        this.region = region;
        this.environment = environment;
    }

    /** Reads the template; parameters take the process environment variable of their name, if set. */
    public static Template read(Path templateFile, String region) throws IOException {
        return read(templateFile, region, System::getenv);
    }

    static Template read(Path templateFile, String region, UnaryOperator<String> environment) throws IOException {
        try (Reader reader = Files.newBufferedReader(templateFile, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new CloudFormationConstructor()).load(reader);
            return new TemplateReader(root, region, environment).template();
        }
    }

    /**
     * The template as written, unresolved: maps, lists and scalars, with CloudFormation's short tags
     * as their long forms ({@code !Sub x} as {@code {Fn::Sub: x}}). For checks of the template itself.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(Path templateFile) throws IOException {
        try (Reader reader = Files.newBufferedReader(templateFile, StandardCharsets.UTF_8)) {
            return (Map<String, Object>) new Yaml(new CloudFormationConstructor()).load(reader);
        }
    }

    /** Parses YAML with CloudFormation's short tags, e.g. {@code !Ref X} as {@code {Ref: X}}. */
    static Object parse(String yaml) {
        return new Yaml(new CloudFormationConstructor()).load(yaml);
    }

    private Template template() {
        List<Template.Table> tables = new ArrayList<>();
        List<String> buckets = new ArrayList<>();
        List<Template.Secret> secrets = new ArrayList<>();
        List<Template.Function> functions = new ArrayList<>();
        for (var entry : resources.entrySet()) {
            String id = entry.getKey();
            Map<String, Object> properties = map(entry.getValue().get("Properties"));
            switch (String.valueOf(entry.getValue().get("Type"))) {
                case "AWS::DynamoDB::Table" -> tables.add(table(id, properties));
                case "AWS::S3::Bucket" -> buckets.add(bucketName(id));
                case "AWS::SecretsManager::Secret" -> secrets.add(new Template.Secret(id, secretArn(id)));
                case "AWS::Serverless::Function" -> functions.add(function(id, properties));
                default -> { }
            }
        }
        return new Template(tables, buckets, secrets, functions, cors());
    }

    // ------------------------------------------------------------------ resources

    private Template.Table table(String id, Map<String, Object> properties) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Object definition : list(properties.get("AttributeDefinitions"))) {
            Map<String, Object> d = map(definition);
            types.put(string(d.get("AttributeName")), string(d.get("AttributeType")));
        }
        List<Template.Index> indexes = new ArrayList<>();
        for (Object index : list(properties.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> i = map(index);
            indexes.add(new Template.Index(string(i.get("IndexName")), keys(i.get("KeySchema")),
                    Optional.ofNullable(map(i.get("Projection")).get("ProjectionType")).map(String::valueOf).orElse("ALL")));
        }
        return new Template.Table(id, keys(properties.get("KeySchema")), types, indexes);
    }

    private List<Template.Key> keys(Object schema) {
        return list(schema).stream()
                .map(TemplateReader::map)
                .map(k -> new Template.Key(string(k.get("AttributeName")), string(k.get("KeyType"))))
                .toList();
    }

    private Template.Function function(String id, Map<String, Object> properties) {
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        String handler = string(properties.getOrDefault("Handler", globals.get("Handler")));
        String codeUri = string(resolve(properties.getOrDefault("CodeUri", globals.get("CodeUri"))));
        // Lambda's defaults when neither the function nor the Globals say
        Object timeout = properties.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3));
        Object memory = properties.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128));

        // Globals first, the function's own variables over them, as SAM merges them
        Map<String, String> variables = new TreeMap<>();
        variables.putAll(variables(globals));
        variables.putAll(variables(properties));

        List<Template.Route> routes = new ArrayList<>();
        List<Template.Schedule> schedules = new ArrayList<>();
        for (var event : map(properties.get("Events")).entrySet()) {
            Map<String, Object> e = map(event.getValue());
            Map<String, Object> p = map(e.get("Properties"));
            switch (String.valueOf(e.get("Type"))) {
                case "HttpApi" -> routes.add(route(id, p));
                case "Schedule", "ScheduleV2" -> schedules.add(schedule(id, event.getKey(), p));
                default -> { }
            }
        }
        Object snapStart = resolve(properties.getOrDefault("SnapStart", globals.get("SnapStart")));
        boolean snapStartOn = snapStart instanceof Map<?, ?> s && "PublishedVersions".equals(String.valueOf(s.get("ApplyOn")));
        return new Template.Function(id, handler, codeUri, Integer.parseInt(string(resolve(memory))),
                Integer.parseInt(string(resolve(timeout))), variables, routes, schedules, snapStartOn);
    }

    private Map<String, String> variables(Map<String, Object> properties) {
        Map<String, String> result = new LinkedHashMap<>();
        for (var variable : map(map(properties.get("Environment")).get("Variables")).entrySet()) {
            Object value = resolve(variable.getValue());
            result.put(variable.getKey(), value == null ? "" : dynamicReferences(variable.getKey(), joined(value)));
        }
        return result;
    }

    /**
     * {@code {{resolve:secretsmanager:...}}} has no local secret store behind it: the variable of
     * that name in the environment, or a fixed development value, stands in.
     */
    private String dynamicReferences(String name, String value) {
        if (!DYNAMIC_REFERENCE.matcher(value).find()) {
            return value;
        }
        String local = Optional.ofNullable(environment.apply(name))
                .orElse("local-dev-" + name.toLowerCase(Locale.ROOT).replace('_', '-'));
        return DYNAMIC_REFERENCE.matcher(value).replaceAll(Matcher.quoteReplacement(local));
    }

    private Template.Route route(String functionId, Map<String, Object> properties) {
        String authorizer = Optional.ofNullable(map(properties.get("Auth")).get("Authorizer"))
                .map(String::valueOf)
                .orElseGet(() -> defaultAuthorizer(properties.get("ApiId")));
        boolean protectedByJwt = authorizer != null && !"NONE".equals(authorizer);
        String method = string(properties.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT);
        return new Template.Route(functionId, method, string(properties.get("Path")), protectedByJwt);
    }

    /** The HttpApi's DefaultAuthorizer: a route that names none is protected by it, as on AWS. */
    private String defaultAuthorizer(Object apiId) {
        Object id = apiId instanceof Map<?, ?> ref ? ref.get("Ref") : apiId;
        return resources.entrySet().stream()
                .filter(r -> "AWS::Serverless::HttpApi".equals(r.getValue().get("Type")))
                .filter(r -> id == null || r.getKey().equals(id))
                .map(r -> map(map(r.getValue().get("Properties")).get("Auth")).get("DefaultAuthorizer"))
                .filter(a -> a != null)
                .map(String::valueOf)
                .findFirst()
                .orElse(null);
    }

    private Template.Schedule schedule(String functionId, String eventId, Map<String, Object> properties) {
        String zone = Optional.ofNullable(resolve(properties.get("ScheduleExpressionTimezone"))).map(String::valueOf).orElse("UTC");
        Optional<String> input = Optional.ofNullable(resolve(properties.get("Input"))).map(String::valueOf);
        String name = Optional.ofNullable(properties.get("Name")).map(String::valueOf).orElse(eventId);
        return new Template.Schedule(functionId, name, string(resolve(properties.get("ScheduleExpression"))), ZoneId.of(zone), input);
    }

    private Template.Cors cors() {
        Map<String, Object> cors = resources.values().stream()
                .filter(r -> "AWS::Serverless::HttpApi".equals(r.get("Type")))
                .map(r -> map(map(r.get("Properties")).get("CorsConfiguration")))
                .findFirst()
                .orElse(Map.of());
        return new Template.Cors(strings(cors.get("AllowMethods"), List.of("GET", "POST", "OPTIONS")),
                strings(cors.get("AllowHeaders"), List.of("Content-Type", "Authorization")),
                strings(cors.get("ExposeHeaders"), List.of()),
                Integer.parseInt(string(cors.getOrDefault("MaxAge", 0))));
    }

    // ------------------------------------------------------------------ intrinsic functions

    /** Resolves intrinsic functions recursively; what the local stack cannot resolve stays as it is. */
    Object resolve(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(this::resolve).toList();
        }
        if (!(value instanceof Map<?, ?> m)) {
            return value;
        }
        if (m.size() == 1) {
            var entry = m.entrySet().iterator().next();
            String function = String.valueOf(entry.getKey());
            Object argument = entry.getValue();
            switch (function) {
                case "Ref": return ref(string(argument));
                case "Fn::GetAtt": return getAtt(argument instanceof List<?> l ? l.get(0) + "." + l.get(1) : string(argument));
                case "Fn::Sub": return sub(argument);
                case "Fn::Join": {
                    List<?> args = list(argument);
                    return String.join(string(args.get(0)), list(resolve(args.get(1))).stream().map(TemplateReader::string).toList());
                }
                case "Fn::Select": {
                    List<?> args = list(argument);
                    return list(resolve(args.get(1))).get(Integer.parseInt(string(resolve(args.get(0)))));
                }
                case "Fn::Split": {
                    List<?> args = list(argument);
                    return List.of(string(resolve(args.get(1))).split(Pattern.quote(string(args.get(0))), -1));
                }
                case "Fn::If": {
                    List<?> args = list(argument);
                    return condition(string(args.get(0))) ? resolve(args.get(1)) : resolve(args.get(2));
                }
                case "Fn::Not": return !truth(list(argument).get(0));
                case "Fn::Equals": {
                    List<?> args = list(argument);
                    return String.valueOf(resolve(args.get(0))).equals(String.valueOf(resolve(args.get(1))));
                }
                case "Fn::And": return list(argument).stream().allMatch(this::truth);
                case "Fn::Or": return list(argument).stream().anyMatch(this::truth);
                case "Condition": return condition(string(argument));
                default: break;
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        m.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v)));
        return resolved;
    }

    private boolean truth(Object expression) {
        return Boolean.TRUE.equals(resolve(expression));
    }

    private boolean condition(String name) {
        return truth(conditions.get(name));
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region": return region;
            case "AWS::AccountId": return ACCOUNT_ID;
            case "AWS::StackName": return "local";
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::NoValue": return null;
            default: break;
        }
        if (parameters.containsKey(name)) {
            return Optional.ofNullable(environment.apply(name))
                    .orElseGet(() -> string(parameters.get(name).getOrDefault("Default", "")));
        }
        if (name.endsWith(".Alias")) {
            // SAM's AutoPublishAlias: Ref gives the alias ARN; locally there is one version behind it
            String function = name.substring(0, name.length() - ".Alias".length());
            return functionArn(function) + ":" + string(map(map(root.get("Globals")).get("Function")).getOrDefault("AutoPublishAlias", "live"));
        }
        Map<String, Object> definition = resources.get(name);
        if (definition != null && "AWS::S3::Bucket".equals(definition.get("Type"))) {
            return bucketName(name);
        }
        if (definition != null && "AWS::SecretsManager::Secret".equals(definition.get("Type"))) {
            return secretArn(name);
        }
        return name;
    }

    private Object getAtt(String reference) {
        int dot = reference.indexOf('.');
        String resource = dot < 0 ? reference : reference.substring(0, dot);
        String attribute = dot < 0 ? "" : reference.substring(dot + 1);
        Map<String, Object> definition = resources.getOrDefault(resource, Map.of());
        if ("Arn".equals(attribute)) {
            return switch (String.valueOf(definition.get("Type"))) {
                case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + resource;
                case "AWS::S3::Bucket" -> "arn:aws:s3:::" + bucketName(resource);
                case "AWS::Serverless::Function", "AWS::Lambda::Function" -> functionArn(resource);
                default -> "arn:aws:local:" + region + ":" + ACCOUNT_ID + ":" + resource;
            };
        }
        return ref(resource);
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> args) {
            text = string(args.get(0));
            variables = map(args.get(1));
        } else {
            text = string(argument);
        }
        Map<String, Object> given = variables;
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (given.containsKey(name)) {
                replacement = string(resolve(given.get(name)));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                replacement = string(getAtt(name));
            } else {
                replacement = string(ref(name));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    // ------------------------------------------------------------------ helpers

    private String functionArn(String logicalId) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + logicalId;
    }

    /** As Secrets Manager names a secret's ARN: the name, a dash and six characters (here fixed per name). */
    private String secretArn(String logicalId) {
        String suffix = Integer.toHexString(logicalId.hashCode() | 0x100000).substring(0, 6);
        return "arn:aws:secretsmanager:" + region + ":" + ACCOUNT_ID + ":secret:" + logicalId + "-" + suffix;
    }

    /** {@code ReportsBucket} → {@code reports-bucket}: bucket names must be lower case. */
    static String bucketName(String logicalId) {
        return logicalId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String joined(Object value) {
        return value instanceof List<?> items ? String.join(",", items.stream().map(TemplateReader::string).toList()) : string(value);
    }

    private List<String> strings(Object value, List<String> otherwise) {
        return value == null ? otherwise : list(resolve(value)).stream().map(TemplateReader::string).toList();
    }

    private static String string(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> mapOfMaps(Object value) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        map(value).forEach((k, v) -> result.put(k, map(v)));
        return result;
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? l : List.of(value);
    }

    /**
     * SnakeYAML constructor for CloudFormation's short forms: {@code !Ref X} becomes {@code {Ref: X}},
     * any other {@code !Xxx arg} becomes {@code {Fn::Xxx: arg}}, whatever node kind the argument is.
     */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    String name = tag.startsWith("!") ? tag.substring(1) : tag;
                    String key = "Ref".equals(name) || "Condition".equals(name) ? name : "Fn::" + name;
                    Object argument;
                    if (node instanceof ScalarNode scalar) {
                        argument = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        argument = constructSequence(sequence);
                    } else {
                        argument = constructMapping((MappingNode) node);
                    }
                    Map<String, Object> function = new LinkedHashMap<>();
                    function.put(key, argument);
                    return function;
                }
            });
        }
    }
}
