package cn.lanzhou.epidemic.local.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.architecture.archfixture.alpha.AlphaService;
import cn.lanzhou.epidemic.local.architecture.archfixture.alpha.domain.GoodDomain;
import cn.lanzhou.epidemic.local.architecture.archfixture.common.Shared;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of {@link Architecture} reports the breach built for it in {@code archfixture}, and only that. */
class ArchitectureRulesTest {
    private static final String FIXTURE = "cn.lanzhou.epidemic.local.architecture.archfixture";
    private static final List<String> FUNCTIONS = List.of("alpha", "beta");
    private static final JavaClasses ALL = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void reportsADomainClassThatUsesTheSdkJacksonALambdaEventOrCommonHttp() {
        String report = violations(Architecture.domainKnowsNoAdapters());
        assertTrue(report.contains("BadDomain"), report);
        for (String type : List.of("AttributeValue", "JsonNode", "APIGatewayV2HTTPEvent", "ApiRequest")) {
            assertTrue(report.contains(type), type + " not reported: " + report);
        }
        assertFalse(report.contains("GoodDomain"), report);
    }

    @Test
    void reportsAFunctionThatUsesAnotherFunction() {
        String report = violations(Architecture.functionsStayApart(FIXTURE, FUNCTIONS));
        assertTrue(report.contains("ReachesIntoAlpha"), report);
        assertFalse(report.contains("Shared"), "using common is allowed: " + report);
    }

    @Test
    void reportsACycleBetweenPackagesOfOneModule() {
        String report = violations(Architecture.concernsFreeOfCycles(FIXTURE));
        assertTrue(report.contains("AlphaStore") && report.contains("AlphaRender"), report);
    }

    @Test
    void reportsACycleBetweenModules() {
        String report = violations(Architecture.modulesFreeOfCycles(FIXTURE));
        assertTrue(report.contains("Gamma") && report.contains("Delta"), report);
    }

    @Test
    void acceptsAFunctionThatUsesCommonAndItsOwnDomain() {
        JavaClasses allowed = new ClassFileImporter().importClasses(AlphaService.class, GoodDomain.class, Shared.class);
        for (ArchRule rule : List.of(Architecture.domainKnowsNoAdapters(), Architecture.functionsStayApart(FIXTURE, FUNCTIONS),
                Architecture.concernsFreeOfCycles(FIXTURE), Architecture.modulesFreeOfCycles(FIXTURE))) {
            EvaluationResult result = rule.evaluate(allowed);
            assertFalse(result.hasViolation(), result.getFailureReport().toString());
        }
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(ALL);
        assertTrue(result.hasViolation(), "no violation reported by: " + rule.getDescription());
        return result.getFailureReport().toString();
    }
}
