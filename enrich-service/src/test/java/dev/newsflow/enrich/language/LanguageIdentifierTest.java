package dev.newsflow.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageIdentifierTest {

    private final LanguageIdentifier languages = LanguageIdentifier.shared();

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "en; The government announced new measures on Tuesday to curb rising energy prices for households.",
            "fr; Le gouvernement a annoncé mardi de nouvelles mesures pour freiner la hausse des prix de l'énergie.",
            "de; Die Regierung hat am Dienstag neue Maßnahmen gegen die steigenden Energiepreise angekündigt.",
            "es; El gobierno anunció el martes nuevas medidas para frenar el aumento de los precios de la energía.",
            "it; Il governo ha annunciato martedì nuove misure per frenare l'aumento dei prezzi dell'energia.",
            "ru; Правительство во вторник объявило о новых мерах по сдерживанию роста цен на энергию.",
            "zh; 政府周二宣布了新的措施，以遏制家庭能源价格的上涨，并支持受影响的企业和工人。"})
    void detectsTheLanguageAsATwoLetterCode(String expected, String text) {
        assertThat(languages.detect(text)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ok", "Hello there!", "12 345 678 90 12 34 56"})
    void tooLittleTextGivesNoAnswer(String text) {
        assertThat(languages.detect(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"eng,en", "cmn,zh", "fra,fr", "deu,de", "pes,fa", "en-GB,en", "EN_us,en", "ceb,ceb", "fre,fr"})
    void languageCodesBecomeTheShortestIsoCode(String code, String expected) {
        assertThat(LanguageCodes.normalize(code)).isEqualTo(expected);
    }
}
