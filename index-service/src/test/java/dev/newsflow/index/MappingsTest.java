package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import dev.newsflow.core.EnrichedArticle;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MappingsTest {

    @Test
    void isStrictAndMapsEveryFieldOfTheArticle() {
        TypeMapping mappings = IndexManager.mappings();

        assertThat(mappings.dynamic()).isEqualTo(DynamicMapping.Strict);
        // Strict mapping refuses unknown fields, so a field added to EnrichedArticle must be added here too.
        var fields = Arrays.stream(EnrichedArticle.class.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT))
                .toList();
        assertThat(mappings.properties()).containsOnlyKeys(fields);
    }

    @Test
    void usesOnlyCoreTypes() {
        TypeMapping mappings = IndexManager.mappings();

        assertThat(mappings.properties().get("title").text().analyzer()).isEqualTo("standard");
        assertThat(mappings.properties().get("people").isKeyword()).isTrue();
        assertThat(mappings.properties().get("published_at").isDate()).isTrue();
        assertThat(mappings.properties().get("version").isLong()).isTrue();
        assertThat(mappings.properties().get("dateline").object().properties()).containsOnlyKeys("place", "text");
    }
}
