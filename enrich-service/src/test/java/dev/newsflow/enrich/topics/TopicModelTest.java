package dev.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicModelTest {

    private final TopicModel model = new TopicModel(List.of("sport", "none"),
            new float[][] {{2f, 0f}, {0f, 2f}}, new float[] {0f, 0f});

    @Test
    void probabilitiesSumToOneAndFavourTheAlignedClass() {
        double[] p = model.probabilities(new float[] {1f, 0f});

        assertThat(p[0] + p[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p[0]).isGreaterThan(p[1]);
    }

    @Test
    void writtenModelReadsBackTheSame() throws IOException {
        StringWriter out = new StringWriter();
        model.write(List.of("a comment"), out);
        TopicModel read = TopicModel.parse(out.toString().lines().toList(), "test");

        assertThat(read.labels()).isEqualTo(model.labels());
        assertThat(read.probabilities(new float[] {0.3f, 0.7f})).containsExactly(model.probabilities(new float[] {0.3f, 0.7f}));
    }

    @Test
    void malformedModelFailsNamingTheLine() {
        assertThatThrownBy(() -> TopicModel.parse(List.of("# c", "sport\t0\t1 2", "none\t0"), "m.tsv"))
                .hasMessageContaining("m.tsv:3");
        assertThatThrownBy(() -> TopicModel.parse(List.of("sport\t0\t1 2", "none\t0\t1"), "m.tsv"))
                .hasMessageContaining("m.tsv:2").hasMessageContaining("expected 2");
    }

    @Test
    void shippedModelCoversEveryTopicAndNone() {
        TopicModel shipped = TopicModel.load(TopicClassifier.MODEL);

        assertThat(shipped.labels()).hasSize(NewsTopic.values().length + 1).contains(TopicModel.NONE);
        for (NewsTopic topic : NewsTopic.values()) {
            assertThat(shipped.labels()).contains(topic.id());
        }
    }
}
