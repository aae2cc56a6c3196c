package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchUrlsTest {

    @Test
    void defaultsToTheLocalNode() {
        assertThat(ElasticsearchUrls.fromEnv(new Env(Map.of())).nodes())
                .containsExactly(URI.create("http://127.0.0.1:9200"));
    }

    @Test
    void readsACommaListInOrder() {
        ElasticsearchUrls urls = ElasticsearchUrls.fromEnv(new Env(Map.of("NEWSFLOW_ES_URL",
                "http://es1:9200, https://es2:9243/ ,http://es3.internal:9200")));
        assertThat(urls.nodes()).containsExactly(URI.create("http://es1:9200"), URI.create("https://es2:9243"),
                URI.create("http://es3.internal:9200"));
        assertThat(urls.first()).isEqualTo(URI.create("http://es1:9200"));
        assertThat(urls).hasToString("http://es1:9200,https://es2:9243,http://es3.internal:9200");
    }

    @Test
    void namesTheBadEntry() {
        assertThatThrownBy(() -> ElasticsearchUrls.parse("NEWSFLOW_ES_URL", "http://es1:9200,es2:9200"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSFLOW_ES_URL (entry 2 of 2)")
                .hasMessageContaining("\"es2:9200\"");
        assertThatThrownBy(() -> ElasticsearchUrls.parse("NEWSFLOW_ES_URL", "http://es1:9200,,http://es3:9200"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("entry 2 of 3")
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> ElasticsearchUrls.parse("NEWSFLOW_ES_URL", "ftp://es1"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("NEWSFLOW_ES_URL must be an http(s) URL with a host, such as http://es1:9200, got \"ftp://es1\"");
    }
}
