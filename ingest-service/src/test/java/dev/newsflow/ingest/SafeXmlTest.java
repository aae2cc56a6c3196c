package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

    private static Problem problemOf(byte[] body, MediaType type) {
        ProblemException thrown = Assertions.catchThrowableOfType(ProblemException.class, () -> SafeXml.parse(body, type));
        assertThat(thrown).as("a ProblemException").isNotNull();
        return thrown.problem();
    }

    @Test
    void countsElementsNotBytesSoUtf16IsHeldToTheSameLimit() {
        String flood = "<newsItem>" + "<x/>".repeat(XmlLimits.MAX_ELEMENTS) + "</newsItem>";
        String fits = "<newsItem>" + "<x/>".repeat(XmlLimits.MAX_ELEMENTS - 1) + "</newsItem>";

        for (var charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            byte[] bom = charset == StandardCharsets.UTF_16BE ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                    : new byte[] {(byte) 0xFF, (byte) 0xFE};
            Problem problem = problemOf(concat(bom, flood.getBytes(charset)), XML);
            assertThat(problem.status()).isEqualTo(413);
            assertThat(problem.extensions()).containsEntry("max_elements", XmlLimits.MAX_ELEMENTS);

            Document document = SafeXml.parse(concat(bom, fits.getBytes(charset)), XML);
            assertThat(document.getDocumentElement().getChildNodes().getLength()).isEqualTo(XmlLimits.MAX_ELEMENTS - 1);
        }
    }

    @Test
    void refusesEbcdicAndUtf32With415WhateverSaysSo() throws Exception {
        byte[] ebcdic = "<?xml version=\"1.0\" encoding=\"IBM037\"?><t>x</t>".getBytes("IBM037");
        byte[] declaredOnly = "<?xml version=\"1.0\" encoding=\"IBM037\"?><t>x</t>".getBytes(StandardCharsets.US_ASCII);
        byte[] utf32 = "<t>x</t>".getBytes("UTF-32BE");

        assertThat(problemOf(ebcdic, XML).status()).isEqualTo(415);
        assertThat(problemOf(declaredOnly, XML).detail()).contains("IBM037").contains("UTF-8");
        assertThat(problemOf(utf32, XML).detail()).contains("UTF-32");
        assertThat(problemOf("<t>x</t>".getBytes(StandardCharsets.US_ASCII),
                MediaType.parse("application/xml; charset=IBM037")).status()).isEqualTo(415);
    }

    @Test
    void readsUtf16WithOrWithoutAByteOrderMarkAndLegacyLatinFeeds() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><t>Zürich – “quoted”</t>";
        byte[] withBom = xml.getBytes(StandardCharsets.UTF_16);
        byte[] withoutBom = xml.getBytes(StandardCharsets.UTF_16LE);
        byte[] windows1252 = "<?xml version=\"1.0\" encoding=\"windows-1252\"?><t>Zürich – “quoted”</t>"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        assertThat(SafeXml.parse(withBom, XML).getDocumentElement().getTextContent()).isEqualTo("Zürich – “quoted”");
        assertThat(SafeXml.parse(withoutBom, XML).getDocumentElement().getTextContent()).isEqualTo("Zürich – “quoted”");
        assertThat(SafeXml.parse(windows1252, XML).getDocumentElement().getTextContent()).isEqualTo("Zürich – “quoted”");
    }

    @Test
    void bytesThatAreNotTheirEncodingAre400() {
        byte[] broken = {'<', 't', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 't', '>'};

        Problem problem = problemOf(broken, XML);

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains("not valid UTF-8");
    }

    @Test
    void refusesTooManyOrTooLongAttributesNamingTheLine() {
        StringBuilder many = new StringBuilder("<t>\n<x");
        for (int i = 0; i <= XmlLimits.MAX_ATTRIBUTES; i++) {
            many.append(" a").append(i).append("=\"1\"");
        }
        many.append("/></t>");
        String longValue = "<t><x a=\"" + "y".repeat(XmlLimits.MAX_ATTRIBUTE_CHARS + 1) + "\"/></t>";

        Problem tooMany = problemOf(many.toString());
        assertThat(tooMany.detail()).contains("attributes");
        assertThat(tooMany.extensions()).containsEntry("line", 2);
        assertThat(problemOf(longValue).detail()).contains("longer than");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
