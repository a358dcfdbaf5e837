package cn.lanzhou.epidemic.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} through its {@code chromedriver}) for a test
 * class, pointed at the local stack, which serves the web forms at {@code /} and the API on the
 * same origin. Selenium Manager is never asked for anything: both paths are given explicitly.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final URI baseUrl;
    private final Path profile;
    private final ChromeDriverService service;

    private Browser(WebDriver driver, ChromeDriverService service, URI baseUrl, Path profile) {
        this.driver = driver;
        this.service = service;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Skips the calling test class (not fails it) when chromium or chromedriver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "); install them with: apt-get install -y chromium chromium-driver fonts-wqy-zenhei");
    }

    static Browser start(URI baseUrl, boolean javaScript) {
        assumeInstalled();
        System.setProperty("SE_AVOID_STATS", "true");
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--window-size=" + PHONE.width + "," + PHONE.height,
                "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        if (!javaScript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        prefs.put("intl.accept_languages", "zh-CN,zh");
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                // the people using the forms are in Lanzhou: their browser's "today" is Asia/Shanghai's, in Chinese
                .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANGUAGE", "zh_CN", "LANG", "zh_CN.UTF-8"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, service, baseUrl, profile);
    }

    WebDriver driver() {
        return driver;
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** Sets the size of the page's viewport (not the window's outer size). */
    void size(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        Object inner = js("return [window.innerWidth, window.innerHeight];");
        if (inner instanceof java.util.List<?> wh && wh.size() == 2) {
            int dw = viewport.width - ((Number) wh.get(0)).intValue();
            int dh = viewport.height - ((Number) wh.get(1)).intValue();
            // the window's frame (if any) is small and positive; anything else is a resize that has not landed yet
            if ((dw != 0 || dh != 0) && dw >= 0 && dw < 100 && dh >= 0 && dh < 200) {
                driver.manage().window().setSize(new Dimension(viewport.width + dw, viewport.height + dh));
            }
        }
    }

    void open(String path) {
        driver.get(baseUrl.resolve(path).toString());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    WebElement id(String id) {
        return driver.findElement(By.id(id));
    }

    void type(String id, String text) {
        WebElement element = id(id);
        element.clear();
        element.sendKeys(text);
    }

    void choose(String id, String value) {
        new Select(id(id)).selectByValue(value);
    }

    void click(String id) {
        WebElement element = id(id);
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Sets an input's value directly (date inputs: their typed format follows the browser's locale). */
    void setValue(String id, String value) {
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", id(id), value);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T until(Function<WebDriver, T> condition) {
        // a list the page re-renders while we look at it leaves stale elements: look again
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits until the element with this id is displayed, and returns it. */
    WebElement visible(String id) {
        return until(d -> {
            WebElement element = d.findElement(By.id(id));
            return element.isDisplayed() ? element : null;
        });
    }

    /** Waits until the element has non-blank text, and returns that text. */
    String textOf(String id) {
        return until(d -> {
            String text = d.findElement(By.id(id)).getText().trim();
            return text.isEmpty() ? null : text;
        });
    }

    /**
     * Waits for the page's module scripts to have run: the district select filled from GET /districts
     * (it replaces the page's fallback list, so choosing before would hold an option about to go).
     */
    void waitForDistricts(String selectId) {
        until(d -> js("return document.getElementById(arguments[0]).dataset.loaded || '';", selectId).toString().length() > 0);
    }

    /** A PNG of the whole page (not only the viewport) under target/screenshots. */
    Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Dimension before = driver.manage().window().getSize();
            Number height = (Number) js("return Math.ceil(document.documentElement.scrollHeight);");
            Number width = (Number) js("return window.innerWidth;");
            // a tall window captures the whole page in one shot; put back afterwards
            int chromeHeight = Math.max(0, Math.min(200, before.height - ((Number) js("return window.innerHeight;")).intValue()));
            driver.manage().window().setSize(new Dimension(before.width, Math.min(height.intValue(), 8000) + chromeHeight));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            driver.manage().window().setSize(before);
            Path file = dir.resolve(name + "-" + width + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core from the module's node_modules (npm ci), or null when it is not installed. */
    static final Path AXE = Path.of(System.getProperty("axe.script", "node_modules/axe-core/axe.min.js"));

    /** Skips the calling test when axe-core is not installed (as chromium's absence does). */
    static void assumeAxeInstalled() {
        Assumptions.assumeTrue(Files.isRegularFile(AXE),
                "accessibility checks need axe-core: (cd infrastructure/web && npm ci); .ci/run does it");
    }

    /**
     * Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page as it is now and
     * returns its violations as readable lines: rule, impact, and the offending elements; empty
     * when there are none.
     */
    java.util.List<String> axeViolations() {
        assumeAxeInstalled();
        String source;
        try {
            source = Files.readString(AXE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        js(source + "\n;window.__axe = axe;");
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.__axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations.map((v) =>
                    v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', '))))
                  .catch((e) => done(['axe failed: ' + e]));
                """);
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (result instanceof java.util.List<?> list) {
            list.forEach(x -> lines.add(String.valueOf(x)));
        }
        return lines;
    }

    /** Opens the staff console's "sign in with a token" section (closed when a provider is configured). */
    void openTokenSignIn() {
        js("document.getElementById('signin-token').open = true;");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
