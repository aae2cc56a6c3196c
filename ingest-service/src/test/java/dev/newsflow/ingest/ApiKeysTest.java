package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(List.of(
            new ApiKey("reuters", "old-key"), new ApiKey("reuters", "new-key"), new ApiKey("ap", "ap-key")));

    @Test
    void mapsEachKeyToItsSourceIncludingRotatedKeys() {
        assertThat(keys.sourceFor("old-key")).contains("reuters");
        assertThat(keys.sourceFor("new-key")).contains("reuters");
        assertThat(keys.sourceFor("ap-key")).contains("ap");
        assertThat(keys.sources()).containsExactly("ap", "reuters");
    }

    @Test
    void unknownAndNearMissKeysMatchNothing() {
        assertThat(keys.sourceFor("ap-key ")).isEmpty();
        assertThat(keys.sourceFor("ap-ke")).isEmpty();
        assertThat(keys.sourceFor("AP-KEY")).isEmpty();
        assertThat(keys.sourceFor("")).isEmpty();
    }

    @Test
    void authenticatesABearerHeaderWhateverTheSchemeCase() {
        assertThat(keys.authenticate("Bearer ap-key")).isEqualTo("ap");
        assertThat(keys.authenticate("bearer   new-key ")).isEqualTo("reuters");
    }

    @Test
    void refusesMissingOtherSchemeAndWrongKeysWith401() {
        for (String header : new String[] {null, "", "Basic YXA6YXAta2V5", "Bearer wrong", "Bearer"}) {
            assertThatThrownBy(() -> keys.authenticate(header))
                    .as("header %s", header)
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.problem().status()).isEqualTo(401));
        }
    }
}
