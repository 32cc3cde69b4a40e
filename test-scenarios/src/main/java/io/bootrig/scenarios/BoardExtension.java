package io.bootrig.scenarios;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.inventory.Inventory;
import io.bootrig.rig.lease.Lease;
import io.bootrig.rig.lease.LeaseException;
import io.bootrig.rig.lease.Leases;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.session.PrivateVirtualBoard;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a scenario class its board. The board is {@code -Drig.board=NAME}, else {@code RIG_BOARD} (a board from the
 * inventory, leased; one Jenkins handed over is not leased twice), else a fresh virtual board made for the class
 * alone. The extension starts what the board needs (its virtual board process, OpenOCD), injects
 * {@link BoardUnderTest}, and attaches to each test's Allure result: the console transcript and OpenOCD log of that
 * test, the board's identity and an OTP dump. Infrastructure problems while setting up are errors, not failures.
 */
public final class BoardExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BoardExtension.class);
    private static final AtomicInteger PRIVATE_BOARDS = new AtomicInteger();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        context.getStore(NS).getOrComputeIfAbsent(Resource.class, k -> open(testClass), Resource.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        BoardUnderTest b = board(context);
        // the board is part of the test's identity: the same scenario on two boards is two results, not retries
        Allure.parameter("board", b.board().name());
        b.transcript().marker("test: " + context.getDisplayName());
        Path text = b.transcript().textFile().orElseThrow();
        long offset = sizeOf(text);
        context.getStore(NS).put("transcriptOffset", offset);
        context.getStore(NS).put("openocdMark", b.session().openocd().log().mark());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BoardUnderTest b = board(context);
        Long offset = context.getStore(NS).get("transcriptOffset", Long.class);
        Integer mark = context.getStore(NS).get("openocdMark", Integer.class);
        try {
            byte[] all = Files.readAllBytes(b.transcript().textFile().orElseThrow());
            int from = (int) Math.min(all.length, offset == null ? 0 : offset);
            Allure.addAttachment("console transcript", "text/plain",
                    new String(Arrays.copyOfRange(all, from, all.length), java.nio.charset.StandardCharsets.UTF_8), "txt");
        } catch (IOException e) {
            Allure.addAttachment("console transcript", "text/plain", "unreadable: " + e.getMessage(), "txt");
        }
        Allure.addAttachment("OpenOCD log", "text/plain", b.session().openocd().log().since(mark == null ? 0 : mark)
                .stream().map(l -> l.time() + " " + l.text()).collect(Collectors.joining("\n")), "txt");
        Allure.addAttachment("board identity", "text/plain", bestEffort(b::identity), "txt");
        Allure.addAttachment("OTP dump (hex, UDS masked)", "text/plain", bestEffort(b::otpHex), "txt");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BoardUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return board(context);
    }

    private static BoardUnderTest board(ExtensionContext context) {
        Resource r = context.getStore(NS).get(Resource.class, Resource.class);
        if (r == null) {
            throw new SetupFailure("BoardExtension has no board for " + context.getDisplayName()
                    + ": register it on the class (@ExtendWith(BoardExtension.class))");
        }
        return r.board;
    }

    private interface Reading {
        String read() throws Exception;
    }

    /** The text, or why it could not be read (OpenOCD killed by a fault scenario, the board off). */
    private static String bestEffort(Reading reading) {
        try {
            return reading.read();
        } catch (Exception e) {
            return "could not read: " + e.getMessage();
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Resource open(Class<?> testClass) {
        RigHome home = RigHome.current();
        String requested = Optional.ofNullable(System.getProperty("rig.board"))
                .or(() -> Optional.ofNullable(System.getenv("RIG_BOARD"))).filter(s -> !s.isBlank()).orElse(null);
        Path runs = Path.of(System.getProperty("rig.scenario.runs", "target/scenario-runs")).toAbsolutePath()
                .resolve(testClass.getSimpleName() + "-" + LocalDateTime.now().format(STAMP));
        Optional<Lease> lease = Optional.empty();
        Optional<PrivateVirtualBoard> own = Optional.empty();
        BoardSpec spec;
        boolean privateBoard = requested == null;
        try {
            Files.createDirectories(runs);
            if (privateBoard) {
                own = Optional.of(privateBoard(home, runs));
                spec = own.get().spec();
            } else {
                Inventory inventory = Inventory.load(home);
                BoardSelection selection = BoardSelection.select(inventory, requested, home.env());
                spec = selection.board();
                lease = Optional.of(new Leases(home).acquire(spec, selection.handedOverByJenkins(),
                        Duration.ofMinutes(Long.getLong("rig.lease.wait.minutes", 10)), "scenarios " + testClass.getSimpleName()));
            }
            ScenarioMaterials materials = Optional.ofNullable(System.getProperty("rig.materials"))
                    .or(() -> Optional.ofNullable(System.getenv("RIG_MATERIALS"))).filter(m -> !m.isBlank())
                    .map(m -> fromDirectory(Path.of(m), spec, runs))
                    .orElseGet(() -> fixtures(home, spec, runs));
            Transcript transcript = Transcript.toFiles(runs.resolve("transcript"));
            BoardSession session;
            try {
                session = BoardSession.open(home, spec, transcript);
            } catch (Exception e) {
                transcript.close();
                throw e;
            }
            BoardUnderTest board = new BoardUnderTest(spec, session, materials, runs, lease, privateBoard);
            AllureResultsFiles.write(board);
            return new Resource(board, own);
        } catch (SetupFailure | InfrastructureFailure e) {
            release(lease, own);
            throw e;
        } catch (LeaseException e) {
            throw new InfrastructureFailure("cannot lease " + requested + ": " + e.getMessage(), e);
        } catch (Exception e) {
            release(lease, own);
            throw new InfrastructureFailure("cannot set up the board for " + testClass.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** After a failed setup: the lease back, and a private board stopped. */
    private static void release(Optional<Lease> lease, Optional<PrivateVirtualBoard> own) {
        lease.ifPresent(Lease::close);
        own.ifPresent(b -> {
            try {
                b.close();
            } catch (IOException e) {
                // nothing more can be done from here; the board can be stopped with rig sim stop --state DIR
                System.err.println("could not stop " + b.spec().name() + ": " + e.getMessage());
            }
        });
    }

    private static PrivateVirtualBoard privateBoard(RigHome home, Path runs) throws Exception {
        String name = "scn-" + ProcessHandle.current().pid() + "-" + PRIVATE_BOARDS.incrementAndGet();
        Path config = home.boardConfigs().resolve("wolfboot").resolve("stm32h5-tz-dualbank-otp-lms.config");
        return PrivateVirtualBoard.start(name, runs.resolve("board"), config,
                System.getProperty("rig.virtual.baud", "unpaced"), "private virtual board of the scenarios");
    }

    private static ScenarioMaterials fixtures(RigHome home, BoardSpec spec, Path runs) {
        try {
            return ScenarioMaterials.fixtures(home.root(), spec.wolfbootConfig(), runs.resolve("materials"));
        } catch (Exception e) {
            throw new SetupFailure("cannot prepare the scenario materials: " + e.getMessage());
        }
    }

    private static ScenarioMaterials fromDirectory(Path dir, BoardSpec spec, Path runs) {
        try {
            return ScenarioMaterials.fromDirectory(dir, spec.wolfbootConfig(), runs.resolve("materials"), spec.isVirtual());
        } catch (SetupFailure e) {
            throw e;
        } catch (Exception e) {
            throw new SetupFailure("rig.materials=" + dir + ": " + e.getMessage());
        }
    }

    /** Closes the session, stops a private board and releases the lease when the class is done. */
    private static final class Resource implements ExtensionContext.Store.CloseableResource {
        final BoardUnderTest board;
        private final Optional<PrivateVirtualBoard> own;

        Resource(BoardUnderTest board, Optional<PrivateVirtualBoard> own) {
            this.board = board;
            this.own = own;
        }

        @Override
        public void close() throws Exception {
            try {
                Files.writeString(board.runDirectory().resolve("openocd.log"), board.session().openocd().log().lines()
                        .stream().map(l -> l.time() + " " + l.text()).collect(Collectors.joining("\n", "", "\n")));
                board.session().close();
                board.transcript().close();
                if (own.isPresent()) {
                    own.get().close();
                }
            } finally {
                board.lease().ifPresent(Lease::close);
            }
        }
    }
}
