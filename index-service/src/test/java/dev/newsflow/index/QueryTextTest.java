package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void turnsWordOperatorsIntoSimpleQuerySyntax() {
        assertThat(QueryText.toSimpleQuery("ukraine OR russia")).isEqualTo("ukraine | russia");
        assertThat(QueryText.toSimpleQuery("rates AND inflation")).isEqualTo("rates + inflation");
    }

    @Test
    void leavesPhrasesExclusionsAndLowercaseWordsAlone() {
        assertThat(QueryText.toSimpleQuery("\"black OR white\" -sport or")).isEqualTo("\"black OR white\" -sport or");
        assertThat(QueryText.toSimpleQuery("ORACLE ANDROID")).isEqualTo("ORACLE ANDROID");
    }
}
