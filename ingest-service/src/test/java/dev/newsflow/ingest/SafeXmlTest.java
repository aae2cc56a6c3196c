package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SafeXmlTest {

    private static final MediaType XML = MediaType.parse("application/xml");

    private static Problem problemOf(String xml) {
        ProblemException thrown = Assertions.catchThrowableOfType(ProblemException.class,
                () -> SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8), XML));
        assertThat(thrown).as("a ProblemException").isNotNull();
        assertThat(thrown.problem().status()).isEqualTo(400);
        return thrown.problem();
    }

    @Test
    void refusesAnExternalEntityWithoutReadingTheFile() {
        Problem problem = problemOf("""
                <?xml version="1.0"?>
                <!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <newsItem><headline>&xxe;</headline></newsItem>
                """);

        assertThat(problem.detail()).contains("DOCTYPE").doesNotContain("root:");
        assertThat(problem.extensions()).containsEntry("line", 2);
    }

    @Test
    void refusesAnExternalDtdAndAParameterEntity() {
        assertThat(problemOf("<!DOCTYPE rss SYSTEM \"http://127.0.0.1:1/evil.dtd\"><rss/>").detail()).contains("DOCTYPE");
        assertThat(problemOf("<!DOCTYPE x [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]><x/>").detail())
                .contains("DOCTYPE");
    }

    @Test
    void refusesAnEntityExpansionBombAtOnce() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<lolz>&lol9;</lolz>");

        Problem problem = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problemOf(bomb.toString()));

        assertThat(problem.detail()).contains("DOCTYPE");
    }

    @Test
    void refusesNestingDeeperThanAnyNewsDocument() {
        String deep = "<a>".repeat(1000) + "</a>".repeat(1000);

        assertThat(problemOf(deep).detail()).contains("malformed XML");
    }

    @Test
    void refusesMalformedXmlNamingLineAndColumn() {
        Problem problem = problemOf("<newsItem>\n  <headline>x</headlin>\n</newsItem>");

        assertThat(problem.extensions()).containsEntry("line", 2).containsKey("column");
    }

    @Test
    void readsTheEncodingFromTheDeclarationUnlessTheHeaderNamesOne() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Café</t>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "<t>Café</t>".getBytes(StandardCharsets.UTF_8);

        Document declared = SafeXml.parse(latin1, XML);
        Document headed = SafeXml.parse(utf8, MediaType.parse("application/xml; charset=utf-8"));

        assertThat(declared.getDocumentElement().getTextContent()).isEqualTo("Café");
        assertThat(headed.getDocumentElement().getTextContent()).isEqualTo("Café");
    }

    @Test
    void doesNotFollowXIncludes() {
        Document document = SafeXml.parse(("<t xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></t>").getBytes(StandardCharsets.UTF_8), XML);

        assertThat(document.getDocumentElement().getTextContent()).isEmpty();
    }
}
