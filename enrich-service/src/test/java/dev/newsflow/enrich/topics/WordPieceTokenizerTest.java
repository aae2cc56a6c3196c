package dev.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordPieceTokenizerTest {

    private static final List<String> VOCABULARY = List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "un", "##aff", "##able", "cafe", ",", "!", "run", "##ning", "$", "5");
    private final WordPieceTokenizer tokenizer = new WordPieceTokenizer(ids());

    private static Map<String, Integer> ids() {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < VOCABULARY.size(); i++) {
            ids.put(VOCABULARY.get(i), i);
        }
        return ids;
    }

    private List<String> pieces(String text, int maxTokens) {
        return java.util.Arrays.stream(tokenizer.encode(text, maxTokens)).mapToObj(id -> VOCABULARY.get((int) id)).toList();
    }

    @Test
    void wordsAreCutIntoTheLongestKnownPieces() {
        assertThat(pieces("The unaffable, running!", 20))
                .containsExactly("[CLS]", "the", "un", "##aff", "##able", ",", "run", "##ning", "!", "[SEP]");
    }

    @Test
    void caseAndAccentsAreFoldedAndSymbolsSplitOff() {
        assertThat(pieces("CAFÉ\u00a0$5", 20)).containsExactly("[CLS]", "cafe", "$", "5", "[SEP]");
    }

    @Test
    void wordWithAnUnknownPartIsOneUnknownPiece() {
        assertThat(pieces("unxyz the", 20)).containsExactly("[CLS]", "[UNK]", "the", "[SEP]");
        assertThat(pieces("a".repeat(500) + " the", 20)).containsExactly("[CLS]", "[UNK]", "the", "[SEP]");
    }

    @Test
    void outputStopsAtTheLimitHoweverLongTheText() {
        String text = " ".repeat(6_000) + "the running ".repeat(1_000_000);

        assertThat(pieces(text, 6)).containsExactly("[CLS]", "the", "run", "##ning", "the", "[SEP]");
    }

    @Test
    void shippedVocabularyLoadsFromTheClassPath() {
        WordPieceTokenizer shipped = WordPieceTokenizer.fromTokenizerJson(SentenceEncoder.TOKENIZER);

        assertThat(shipped.encode("Hello world", 16)).hasSize(4);
    }
}
