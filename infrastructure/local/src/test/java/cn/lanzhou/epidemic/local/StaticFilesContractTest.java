package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stack serves the web pages themselves and nothing else of their folder, as the forms bucket would hold them. */
@ExtendWith(LocalStackExtension.class)
class StaticFilesContractTest {

    @Test
    void thePagesScriptsAndStylesAreServed(Api api) {
        for (String path : new String[] {"/", "/register.html", "/js/api.js", "/css/app.css", "/vendor/qrcode-generator.mjs"}) {
            assertEquals(200, api.send(api.request(path).GET()).status(), path);
        }
    }

    @Test
    void theFoldersBuildFilesNotesAndDependenciesAreNot(Api api) {
        for (String path : new String[] {"/README.md", "/package.json", "/package-lock.json", "/pom.xml", "/.npmrc",
                "/copy-vendor.js", "/src/test/java/cn/lanzhou/epidemic/web/Browser.java", "/test/fields.test.mjs",
                "/node_modules/axe-core/package.json", "/target/", "/../../pom.xml"}) {
            assertEquals(404, api.send(api.request(path).GET()).status(), path);
        }
    }
}
