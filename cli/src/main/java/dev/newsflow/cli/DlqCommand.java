package dev.newsflow.cli;

import dev.newsflow.core.Env;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow dlq list} and {@code newsflow dlq replay}: what the pipeline could not process, and sending
 * it back once the cause is fixed (a mapping corrected, a bug deployed away).
 */
@Command(name = "newsflow dlq", mixinStandardHelpOptions = true,
        description = "Lists and replays dead letters.",
        footerHeading = "%nEnvironment:%n",
        footer = "NEWSFLOW_KAFKA_BOOTSTRAP, NEWSFLOW_TOPIC_PREFIX, NEWSFLOW_CLI_TIMEOUT")
public final class DlqCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Clock clock;

    public DlqCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(CommandLines.create(new DlqCommand(System.getenv(), Clock.systemUTC())).execute(args));
    }

    /** Without a subcommand: say which there are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLines.USAGE;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Shows dead letters, oldest first: id (partition@offset), time, stage, key, reason, a preview"
                    + " and whether a replay sent them back.")
    int list(@Option(names = "--stage", paramLabel = "STAGE", description = "only this stage's (enrich, index)") String stage,
             @Option(names = "--id", paramLabel = "ID", description = "only those with this key (article id)") String id,
             @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                     description = "show at most the newest N (default ${DEFAULT-VALUE})") int limit) {
        CliConfig config = CliConfig.fromEnv(new Env(env));
        String topic = config.kafka().topics().deadletter().name();
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.reader(config))) {
            TopicReader reader = new TopicReader(consumer, config.timeout());
            Map<String, ReplayEntry> replayed = new ReplayLedger(topic).read(reader);
            List<DeadLetter> matching = reader.readAll(topic).stream()
                    .map(DeadLetter::of)
                    .filter(filter(stage, id))
                    .sorted(Comparator.comparing(DeadLetter::time))
                    .toList();
            List<DeadLetter> shown = matching.subList(Math.max(0, matching.size() - Math.max(0, limit)), matching.size());
            new DeadLetterPrinter(spec.commandLine().getOut()).list(topic, shown, matching.size(), replayed);
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Sends dead letters back to the topic their stage reads (enrich: the raw topic, index: the"
                    + " enriched topic) with their original key and value, in one transaction with an entry per dead"
                    + " letter in the replay ledger (<dead letter topic>.replays). A dead letter is replayed once;"
                    + " later replays skip it.", "Exit 1 when a matching dead letter could not be replayed."})
    int replay(@Option(names = "--stage", paramLabel = "STAGE", description = "only this stage's (enrich, index)") String stage,
               @Option(names = "--id", paramLabel = "ID", description = "only those with this key (article id)") String id) {
        CliConfig config = CliConfig.fromEnv(new Env(env));
        var topics = config.kafka().topics();
        ReplayLedger ledger = new ReplayLedger(topics.deadletter().name());
        try (Admin admin = Admin.create(KafkaClients.admin(config));
             Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.reader(config));
             Producer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClients.replayProducer(config))) {
            ledger.ensureTopic(admin, config.kafka(), config.timeout());
            var replayer = new DeadLetterReplayer(topics, producer, new TopicReader(consumer, config.timeout()), ledger,
                    clock, operator());
            ReplayResult result = replayer.replay(filter(stage, id));
            new DeadLetterPrinter(spec.commandLine().getOut()).replay(result, ledger.topic());
            return result.skipped().isEmpty() ? 0 : 1;
        }
    }

    static Predicate<DeadLetter> filter(String stage, String id) {
        return letter -> (stage == null || stage.equals(letter.stage())) && (id == null || id.equals(letter.keyText()));
    }

    /** Who replayed, for the ledger: the account and the host it ran on. */
    private static String operator() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
        return System.getProperty("user.name") + "@" + host;
    }
}
