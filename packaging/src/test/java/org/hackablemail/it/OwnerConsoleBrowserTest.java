package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The owner console in a real browser (headless Chromium driven by Selenium) against a real James: an owner redeems
 * the invite they got by mail, uploads a plugin that fails its simulations and reads why, uploads good ones, sets
 * the configuration, sees a message sent over SMTP appear in the live trace, tries the plugin on a pasted message,
 * rolls back, deletes; a subject and a plugin log line carrying markup are shown as text. A screenshot of each step
 * is written under {@code target/console-screenshots/}.
 *
 * <p>Skipped, saying how to install them, where Debian's {@code chromium} and {@code chromium-driver} are missing;
 * {@code .ci/run} installs them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnerConsoleBrowserTest {
    private static final InProcessJames JAMES = new InProcessJames();
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** Markup a sender puts in a subject and an owner in a blocked pattern: it must show as text, never run. */
    private static final String MARKUP = "<img src=x onerror=\"document.title='pwned'\">";

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Path profile;
    private static Mailboxes mailboxes;
    private static String owner;
    private static String sender;

    @BeforeAll
    static void startBrowser() throws Exception {
        Optional<Path> chromium = executable("chromium");
        Optional<Path> driver = executable("chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && driver.isPresent(),
            "No headless Chromium here: apt-get install -y chromium chromium-driver (as .ci/run does)");
        profile = Files.createTempDirectory("console-browser");
        ChromeOptions options = new ChromeOptions()
            .setBinary(chromium.get().toFile())
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.get().toFile())
            .usingAnyFreePort()
            .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
        mailboxes = JAMES.mailboxes();
        owner = JAMES.newUser("console");
        sender = JAMES.newUser("sender");
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static Optional<Path> executable(String name) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
            .map(directory -> Path.of(directory, name))
            .filter(Files::isExecutable)
            .findFirst();
    }

    @Test
    @Order(1)
    void anOwnerShouldRedeemTheirInviteInTheConsole() throws Exception {
        String code = new Invites(JAMES).code(owner);
        browser.get("http://127.0.0.1:" + JAMES.ports().webAdmin() + "/hackable-console/");
        screenshot("01-sign-in", "sign-in");

        type("invite-code", code);
        browser.findElement(By.cssSelector("#redeem-form button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), owner));
        assertThat(text("new-token-value")).startsWith("hmt_");
        assertThat(text("active")).contains("no active plugin");
        screenshot("02-signed-in", "new-token");
    }

    @Test
    @Order(2)
    void aPluginFailingItsSimulationsShouldBeRefusedWithTheReport() {
        upload(ExamplePlugins.TRAP);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-report"), "Refused"));
        assertThat(text("upload-report")).contains("failed", "trap");
        assertThat(text("active")).contains("no active plugin");
        screenshot("03-failing-simulations", "upload-section");
    }

    @Test
    @Order(3)
    void goodPluginsShouldBecomeTheActiveVersion() {
        upload(ExamplePlugins.SUBJECT_BLOCKER_C);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("active"), "Version 1 is active"));
        upload(ExamplePlugins.SUBJECT_TAGGER_WAT);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("active"), "Version 2 is active"));

        assertThat(text("upload-report")).contains("Every scenario passed");
        screenshot("04-good-upload", "upload-section");
    }

    @Test
    @Order(4)
    void rollingBackShouldActivateTheEarlierVersion() {
        browser.findElement(By.cssSelector("#version-1 button.activate")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("active"), "Version 1 is active"));
        screenshot("05-rolled-back", "plugin-section");
    }

    @Test
    @Order(5)
    void theConfigurationShouldBeEditable() {
        browser.findElement(By.id("add-config")).click();
        List<WebElement> keys = browser.findElements(By.cssSelector("#config-table .config-key"));
        keys.get(keys.size() - 1).sendKeys("blocked_subjects");
        List<WebElement> values = browser.findElements(By.cssSelector("#config-table .config-value"));
        values.get(values.size() - 1).sendKeys(MARKUP);
        browser.findElement(By.id("save-config")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Configuration saved"));
        screenshot("06-configuration", "config-section");
    }

    @Test
    @Order(6)
    void aMessageSentOverSmtpShouldAppearInTheLiveTraceAsText() throws Exception {
        String title = browser.getTitle();

        mailboxes.send(sender, List.of(owner), "Look " + MARKUP, "Hello");

        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#trace-table tr.trace-entry")));
        assertThat(row.findElement(By.className("subject")).getText()).isEqualTo("Look " + MARKUP);
        assertThat(row.findElement(By.className("outcome")).getText()).isEqualTo("bounced");
        row.findElement(By.tagName("summary")).click();
        assertThat(row.findElement(By.className("logs")).getText())
            .contains("bouncing: subject matches blocked pattern \"" + MARKUP.replace("\"", "\\\"") + "\"");
        assertThat(browser.findElements(By.tagName("img"))).as("markup from mail never becomes elements").isEmpty();
        assertThat(browser.getTitle()).isEqualTo(title);
        screenshot("07-live-trace", "trace-section");
    }

    @Test
    @Order(7)
    void tryingThePluginOnAPastedMessageShouldShowWhatItDid() {
        type("eml-text", "From: someone@example.org\r\nSubject: Hello\r\n\r\nHi\r\n");
        browser.findElement(By.id("try")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("try-result"), "Result: passed"));
        assertThat(text("try-result")).contains("Returned 0", "Changed headers: none", " ms");
        screenshot("08-try", "try-section");
    }

    @Test
    @Order(8)
    void deletingThePluginShouldLeaveTheMailAsItComes() {
        browser.findElement(By.id("delete-plugin")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("active"), "no active plugin"));
        assertThat(browser.findElements(By.cssSelector("#versions li"))).isEmpty();
        screenshot("09-deleted", "plugin-section");
    }

    private static void upload(ExamplePlugins plugin) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById('upload-report').textContent = ''");
        try {
            browser.findElement(By.id("wasm-file")).sendKeys(plugin.path().toRealPath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.findElement(By.id("upload")).click();
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The page scrolled to the element of that id, as a PNG under target/console-screenshots. */
    private static void screenshot(String name, String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
