package cn.lanzhou.epidemic.local.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link Architecture} on the production classes of every module on this module's class
 * path: common, every function and the local stack (tests and test jars left out).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        ImportOption production = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        classes = new ClassFileImporter().withImportOption(production).importPackages(Architecture.ROOT);
    }

    @Test
    void seesEveryFunctionAndCommon() {
        for (String module : Architecture.FUNCTIONS) {
            assertTrue(classes.containPackage(Architecture.ROOT + "." + module), module + " is not on the class path");
        }
        assertTrue(classes.containPackage(Architecture.ROOT + ".common.http"));
    }

    @Test
    void modulesDependOnEachOtherWithoutCycles() {
        Architecture.modulesFreeOfCycles(Architecture.ROOT).check(classes);
    }

    @Test
    void packagesOfEachModuleDependOnEachOtherWithoutCycles() {
        Architecture.concernsFreeOfCycles(Architecture.ROOT).check(classes);
    }

    @Test
    void domainPackagesUseNoSdkJsonOrHttpTypes() {
        Architecture.domainKnowsNoAdapters().check(classes);
    }

    @Test
    void functionsUseCommonButNoOtherFunction() {
        Architecture.functionsStayApart(Architecture.ROOT, Architecture.FUNCTIONS).check(classes);
    }
}
