package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.TranscriptMarkers;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.rig.openocd.OpenOcdException;
import io.bootrig.rig.qualify.AllureResults;
import io.bootrig.rig.qualify.Expected;
import io.bootrig.rig.qualify.PreSignedImage;
import io.bootrig.rig.qualify.QualificationFirmware;
import io.bootrig.rig.qualify.QualificationFlow;
import io.bootrig.rig.qualify.QualificationInputException;
import io.bootrig.rig.qualify.QualificationPlan;
import io.bootrig.rig.qualify.QualificationReport;
import io.bootrig.rig.qualify.ReportJson;
import io.bootrig.rig.qualify.ReportTable;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.session.PrivateVirtualBoard;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.WolfBootConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code rig qualify}: keystore qualification on a sacrificial board, with a report a QA engineer signs off. */
@Command(name = "qualify", mixinStandardHelpOptions = true,
        description = {"Qualify a signing keystore before production: lint it, provision a sacrificial board with it "
                + "(OTP included), read the OTP back and compare every slot's key SHA-256, type and mask, then run an "
                + "accept/reject matrix of XMODEM updates: with --key, every partition id each key's mask allows (must "
                + "boot) and the ids at its edges it forbids (must be rejected), a wrong key, a tampered payload, a "
                + "bad signature, a downgrade and an equal version (must not be taken); with --image, the operator's "
                + "images and their expected outcomes. Writes qualification.json and Allure results.",
                "LMS keys are stateful: every image signed here advances the key file.",
                "Exit 0 = QUALIFIED, 1 = NOT QUALIFIED (a case or a check failed, or a guard refused), 2 = bad input, "
                        + "3 = infrastructure."})
final class QualifyCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Parameters(paramLabel = "KEYSTORE", description = "keystore.c, keystore.der or otp.bin under qualification")
    Path keystore;

    @Option(names = "--key", paramLabel = "FILE",
            description = "a slot's private key (repeat for each slot; matched to slots by public key; slots without "
                    + "a key are reported as not exercised)")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--image", paramLabel = "FILE=accept|reject",
            description = "a pre-signed update image and what wolfBoot must do with it (repeat; sent in order)")
    List<String> images = new ArrayList<>();

    @Option(names = "--boot-image", paramLabel = "FILE",
            description = "with --image: the signed v1 application provisioning flashes (image_v1_signed.bin)")
    Path bootImage;

    @Option(names = "--board", paramLabel = "NAME",
            description = "an inventory board whose OTP may be burnt (tagged sacrificial, or --confirm-otp); "
                    + "default: a fresh private virtual board, stopped afterwards")
    String board;

    @Option(names = "--lease-wait", paramLabel = "DURATION", defaultValue = "0", converter = DurationConverter.class,
            description = "with --board: wait this long for a board another job holds (default: fail at once)")
    Duration leaseWait;

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "with --board: where the images, transcript and reports go "
                    + "(default $XDG_STATE_HOME/bootrig/runs/BOARD/TIME-qualify)")
    Path runDir;

    @Option(names = "--work", paramLabel = "DIR",
            description = "without --board: a new or empty directory for the board, images, transcript and reports "
                    + "(default $XDG_STATE_HOME/bootrig/qualify/TIME)")
    Path work;

    @Option(names = "--baud", paramLabel = "N|unpaced", defaultValue = "115200",
            description = "the private virtual board's console line rate (default ${DEFAULT-VALUE})")
    String baud;

    @Option(names = "--config", paramLabel = "FILE",
            description = "wolfBoot .config (default: the board's, or stm32h5-tz-dualbank-otp-lms.config)")
    Path config;

    @Option(names = "--payload", paramLabel = "FILE",
            description = "the unsigned test application to sign (real boards; virtual boards build it from the config)")
    Path payload;

    @Option(names = "--primer", paramLabel = "FILE", description = "otp-keystore-primer built with this keystore (real boards)")
    Path primer;

    @Option(names = "--wolfboot", paramLabel = "FILE", description = "wolfboot.bin built with the config (real boards)")
    Path wolfBoot;

    @Option(names = "--confirm-otp", description = "write the OTP of a board not tagged 'sacrificial: true' (irreversible)")
    boolean confirmOtp;

    @Option(names = "--report", paramLabel = "FILE", description = "the JSON report (default: DIR/qualification.json)")
    Path reportFile;

    @Option(names = "--allure", paramLabel = "DIR", description = "Allure results (default: DIR/allure-results)")
    Path allureDir;

    @Option(names = "--json", description = "print the JSON report (progress and the table go to standard error)")
    boolean json;

    @ParentCommand
    RigCli rig;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        if (keys.isEmpty() == images.isEmpty()) {
            throw RigException.badInput("give either --key FILE (one per slot) or --image FILE=accept|reject, not "
                    + (keys.isEmpty() ? "neither" : "both"));
        }
        if (!images.isEmpty() && bootImage == null) {
            throw RigException.badInput("--image needs --boot-image FILE: the signed v1 application provisioning flashes");
        }
        RigHome home = RigCli.of(spec).home();
        Optional<BoardSelection> selection = board == null ? Optional.empty()
                : Optional.of(BoardAccess.select(home, boardOptions()));
        Path configFile = config != null ? config : selection.map(s -> s.board().wolfbootConfig())
                .orElse(home.boardConfigs().resolve("wolfboot").resolve("stm32h5-tz-dualbank-otp-lms.config"));
        WolfBootConfig cfg = WolfBootConfig.parse(configFile.toString(), Inputs.readText(configFile));
        QualificationPlan plan = plan(cfg);
        PrintWriter out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (selection.isPresent()) {
            Path dir = RunDirectory.create(home, runDir, selection.get().board().name(), "qualify").dir();
            QualificationFirmware firmware = firmware(selection.get().board().isVirtual(), plan, cfg, dir);
            BoardOptions options = boardOptions();
            options.runDir = dir;
            try (BoardAccess access = BoardAccess.open(home, selection.get(), options, "qualify",
                    spec.commandLine().getErr())) {
                return qualify(access.session(), access.session().transcript(), plan, firmware, dir, out);
            }
        }
        Path dir = workDirectory(home);
        QualificationFirmware firmware = firmware(true, plan, cfg, dir);
        String name = "qualify-" + ProcessHandle.current().pid();
        out.println("rig qualify: work directory " + dir + "; private virtual board " + name + " (" + baud + " baud)");
        try (PrivateVirtualBoard vb = PrivateVirtualBoard.start(name, dir.resolve("board"), configFile, baud, "rig qualify");
                Transcript transcript = Transcript.toFiles(dir.resolve("transcript"));
                BoardSession session = BoardSession.open(home, vb.spec(), transcript)) {
            try {
                return qualify(session, transcript, plan, firmware, dir, out);
            } finally {
                Files.writeString(dir.resolve("openocd.log"), session.openocd().log().lines().stream()
                        .map(l -> l.time() + " " + l.text()).collect(Collectors.joining("\n", "", "\n")));
            }
        } catch (OpenOcdException | VirtualBoardUnavailableException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, name + ": " + e.getMessage());
        }
    }

    private int qualify(BoardSession session, Transcript transcript, QualificationPlan plan,
            QualificationFirmware firmware, Path dir, PrintWriter out) throws IOException {
        QualificationFlow flow = new QualificationFlow(session, plan, firmware, confirmOtp, dir.resolve("images"));
        QualificationReport report = flow.run(FlowListener.all(List.of(new FlowPrinter(out, rig.interactive() && !json),
                new TranscriptMarkers(transcript))));
        Path reportPath = reportFile != null ? reportFile : dir.resolve("qualification.json");
        Path allurePath = allureDir != null ? allureDir : dir.resolve("allure-results");
        ReportJson.write(report, reportPath);
        AllureResults.write(report, allurePath);
        out.println();
        out.print(ReportTable.render(report));
        out.println("report:         " + reportPath);
        out.println("Allure results: " + allurePath + " (allure generate " + allurePath + ")");
        out.println("run files:      " + dir + " (images/, transcript.txt, transcript.jsonl, openocd.log)");
        out.flush();
        if (json) {
            spec.commandLine().getOut().println(ReportJson.text(report));
        }
        return report.failure().map(k -> switch (k) {
            case PRODUCT, REFUSED -> ExitCode.REJECTED;
            case INPUT -> ExitCode.BAD_INPUT;
            case INFRASTRUCTURE -> ExitCode.INFRASTRUCTURE;
        }).orElse(ExitCode.OK);
    }

    private QualificationPlan plan(WolfBootConfig cfg) throws FormatException {
        try {
            if (!keys.isEmpty()) {
                return QualificationPlan.withKeys(keystore, cfg.layout(), keys);
            }
            List<PreSignedImage> list = new ArrayList<>();
            for (String arg : images) {
                int eq = arg.lastIndexOf('=');
                Optional<Expected> expected = eq < 0 ? Optional.empty() : Expected.byLabel(arg.substring(eq + 1));
                if (expected.isEmpty()) {
                    throw RigException.badInput("--image '" + arg + "': expected FILE=accept or FILE=reject");
                }
                list.add(new PreSignedImage(Path.of(arg.substring(0, eq)), expected.get()));
            }
            return QualificationPlan.withImages(keystore, cfg.layout(), bootImage, list);
        } catch (QualificationInputException e) {
            throw RigException.badInput(e.getMessage());
        }
    }

    private QualificationFirmware firmware(boolean virtual, QualificationPlan plan, WolfBootConfig cfg, Path dir)
            throws IOException {
        try {
            return QualificationFirmware.resolve(virtual, Optional.ofNullable(primer), Optional.ofNullable(wolfBoot),
                    Optional.ofNullable(payload), plan.mode() == QualificationPlan.Mode.KEYS, plan.keystore(), cfg,
                    dir.resolve("firmware"));
        } catch (QualificationInputException e) {
            throw RigException.badInput(e.getMessage());
        }
    }

    private BoardOptions boardOptions() {
        BoardOptions o = new BoardOptions();
        o.board = board;
        o.leaseWait = leaseWait;
        o.runDir = runDir;
        return o;
    }

    private Path workDirectory(RigHome home) throws IOException {
        Path dir = (work != null ? work : home.stateHome().resolve("qualify").resolve(LocalDateTime.now().format(STAMP)))
                .toAbsolutePath();
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw RigException.badInput("--work " + dir + " is not empty; give a new directory");
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
