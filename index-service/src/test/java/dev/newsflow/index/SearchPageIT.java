package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.core.ArticleId;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.PubStatus;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in headless Chromium against the real stack: search, click a facet, open an
 * article. Uses Debian's chromium and chromium-driver, never a downloaded browser or driver.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private IndexFixture index;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start(StackEndpoints stack, @TempDir Path profile) throws Exception {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "needs Debian's chromium and chromium-driver packages (/usr/bin/chromium, /usr/bin/chromedriver)");
        index = new IndexFixture(stack);
        for (int i = 0; i < 6; i++) {
            index.send(article(i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> index.getJson("/v1/search?q=" + marker).path("total").asLong() == 6);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        // An explicit driver and browser binary: Selenium Manager has nothing to look up or download.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (index != null) {
            index.close();
        }
    }

    @Test
    void searchClickAFacetAndOpenAnArticle() {
        browser.get(index.baseUrl() + "/");
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.sendKeys(marker);
        browser.findElement(By.id("search-button")).click();

        // The empty search on arrival lists the same six articles; the query's answer is the one with highlights.
        wait.until(ExpectedConditions.urlContains("q=" + marker));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results .hit .snippet em"), 6));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("6 articles");
        List<WebElement> hits = browser.findElements(By.cssSelector("#results .hit"));
        assertThat(hits).hasSize(6);
        WebElement first = hits.getFirst();
        assertThat(first.findElement(By.cssSelector(".headline")).getText()).isNotBlank();
        assertThat(first.findElement(By.cssSelector(".meta")).getText()).contains("page-wire");
        assertThat(first.findElements(By.cssSelector(".snippet em"))).isNotEmpty();
        assertThat(first.findElements(By.cssSelector(".tags .tag"))).isNotEmpty();
        // The article text "<b>bold</b>" shows as text; the only element a snippet may make is em.
        assertThat(browser.findElements(By.cssSelector(".snippet b"))).isEmpty();
        assertThat(browser.findElement(By.id("results")).getText()).contains("<b>bold</b>");

        browser.findElement(By.cssSelector(".facet[data-param=topic] a[data-value=economy]")).click();

        wait.until(ExpectedConditions.textToBe(By.id("total"), "3 articles"));
        assertThat(browser.getCurrentUrl()).contains("topic=economy");
        assertThat(browser.findElements(By.cssSelector("#results .hit"))).hasSize(3)
                .allSatisfy(hit -> assertThat(hit.findElement(By.cssSelector(".tags")).getText()).contains("economy"));
        assertThat(browser.findElement(By.cssSelector("#active-filters .chip")).getText()).contains("economy");

        WebElement headline = browser.findElement(By.cssSelector("#results .hit .headline"));
        String title = headline.getText();
        headline.click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-view")));
        wait.until(ExpectedConditions.textToBe(By.id("article-title"), title));
        assertThat(browser.findElement(By.id("article-body")).getText()).contains("Traders watched");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#related li a"), 0));
        assertThat(browser.findElements(By.cssSelector("#related li a")))
                .extracting(WebElement::getText).doesNotContain(title);

        browser.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-view")));
        wait.until(ExpectedConditions.urlContains("topic=economy"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results .hit"), 3));
    }

    @Test
    void fitsAPhoneScreen() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(index.baseUrl() + "/?q=" + marker);
            wait.until(ExpectedConditions.textToBe(By.id("total"), "6 articles"));
            long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private EnrichedArticle article(int i) {
        boolean economy = i % 2 == 1;
        String title = (economy ? "Markets rally " : "Comet seen ") + i;
        String body = (economy
                ? "Traders watched inflation and the bond market close higher, "
                : "Astronomers tracked the comet across the sky with a telescope, ")
                + marker + (i == 0 ? " with <b>bold</b> notes." : " said the report.");
        Instant published = Instant.parse("2025-03-01T00:00:00Z").plus(Duration.ofHours(i));
        return EnrichedArticle.builder()
                .id(ArticleId.of("page-wire", "p-" + i)).source("page-wire").guid("p-" + i).version(1)
                .url("https://example.org/p-" + i).title(title).body(body).byline("By A. Reporter").language("en")
                .publishedAt(published).ingestedAt(published.plusSeconds(60)).enrichedAt(published.plusSeconds(61))
                .people(List.of("Ada Lovelace")).organizations(List.of("UNESCO")).places(List.of("Berlin"))
                .topics(List.of(economy ? "economy" : "science"))
                .wordCount(body.split("\\s+").length).pubstatus(PubStatus.USABLE).urgency(3)
                .build();
    }
}
