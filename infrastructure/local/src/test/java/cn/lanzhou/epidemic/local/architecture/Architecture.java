package cn.lanzhou.epidemic.local.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The dependency rules of the code base, as ArchUnit rules over a root package, so that the same rules
 * run on the real classes ({@link ArchitectureTest}) and on fixtures built to break them
 * ({@link ArchitectureRulesTest}).
 */
final class Architecture {
    static final String ROOT = "cn.lanzhou.epidemic";
    /** The function modules: each may use the libraries {@code common}, {@code person} and {@code reportfiles}, none another function. */
    static final List<String> FUNCTIONS = List.of("districts", "registration", "donation", "reopening", "followup", "summary",
            "reports");

    private Architecture() {
    }

    /** No cycle between the modules ({@code common}, each function, the local stack). */
    static ArchRule modulesFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    /** No cycle between the packages of a module, its root package (where the handler lives) included. */
    static ArchRule concernsFreeOfCycles(String root) {
        return slices().assignedFrom(concerns(root)).should().beFreeOfCycles();
    }

    /** A domain package holds records, rules and ports: the adapters depend on it, never the other way. */
    static ArchRule domainKnowsNoAdapters() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon.awssdk..", "com.fasterxml..", "com.amazonaws.services.lambda..", "..common.http..")
                .because("the domain knows no SDK, no JSON library and no HTTP or Lambda event")
                .allowEmptyShould(true);
    }

    /** A function's classes use {@code common} and their own, never another function's. */
    static ArchRule functionsStayApart(String root, List<String> functions) {
        CompositeArchRule rule = null;
        for (String function : functions) {
            String[] others = functions.stream().filter(f -> !f.equals(function)).map(f -> root + "." + f + "..")
                    .toArray(String[]::new);
            ArchRule apart = noClasses().that().resideInAPackage(root + "." + function + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("functions are deployed apart and share only the libraries common, person and reportfiles")
                    .allowEmptyShould(true);
            rule = rule == null ? CompositeArchRule.of(apart) : rule.and(apart);
        }
        return rule;
    }

    /** {@code root.module} for a module's root package, {@code root.module.concern} for everything below it. */
    private static SliceAssignment concerns(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = name.substring(root.length() + 1).split("\\.");
                return SliceIdentifier.of(parts.length == 1 ? parts[0] : parts[0] + "." + parts[1]);
            }

            @Override
            public String getDescription() {
                return "the packages of each module of " + root;
            }
        };
    }
}
