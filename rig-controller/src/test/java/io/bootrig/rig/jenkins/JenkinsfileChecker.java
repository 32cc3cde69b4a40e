package io.bootrig.rig.jenkins;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.ErrorCollector;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Parses a Jenkinsfile with Groovy 2.4 (the Groovy of Jenkins core) up to {@link Phases#CONVERSION}, as Jenkins
 * does before it runs a pipeline, then checks the board-farm pipeline's declarative skeleton on the syntax tree.
 * Each problem is one line, "NAME:LINE:COLUMN: what" where the tree gives a position.
 */
final class JenkinsfileChecker {
    static final List<String> PARAMETERS = List.of("BOARD_LABEL", "KEYSTORE", "TAGS", "BOARDS");

    private JenkinsfileChecker() {}

    static List<String> check(String name, String text) {
        CompilationUnit unit = new CompilationUnit();
        unit.addSource(name, text);
        try {
            unit.compile(Phases.CONVERSION);
        } catch (CompilationFailedException e) {
            return compileErrors(name, unit.getErrorCollector(), e);
        }
        List<String> problems = new ArrayList<>();
        for (ModuleNode module : unit.getAST().getModules()) {
            new Skeleton(name, module, problems).check();
        }
        return problems;
    }

    private static List<String> compileErrors(String name, ErrorCollector errors, CompilationFailedException e) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < errors.getErrorCount(); i++) {
            Message m = errors.getError(i);
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException x = s.getCause();
                problems.add(name + ":" + x.getLine() + ":" + x.getStartColumn() + ": " + x.getOriginalMessage());
            } else if (m instanceof ExceptionMessage x) {
                problems.add(name + ": " + x.getCause());
            } else {
                problems.add(name + ": " + m);
            }
        }
        if (problems.isEmpty()) {
            problems.add(name + ": " + e.getMessage());
        }
        return problems;
    }

    private static final class Skeleton {
        private final String name;
        private final ModuleNode module;
        private final List<String> problems;

        Skeleton(String name, ModuleNode module, List<String> problems) {
            this.name = name;
            this.module = module;
            this.problems = problems;
        }

        void check() {
            List<MethodCallExpression> pipelines = children(module.getStatementBlock(), "pipeline");
            if (pipelines.size() != 1) {
                problems.add(name + ": expected one top-level pipeline { } block, found " + pipelines.size());
                return;
            }
            MethodCallExpression pipeline = pipelines.get(0);
            Optional<MethodCallExpression> agent = section(pipeline, "agent");
            Optional<MethodCallExpression> stages = section(pipeline, "stages");
            stages.ifPresent(s -> {
                if (children(body(s), "stage").isEmpty()) {
                    problem(s, "stages { } holds no stage");
                }
            });
            section(pipeline, "triggers").ifPresent(t -> {
                if (calls(body(t), "cron").isEmpty()) {
                    problem(t, "triggers { } has no cron(...)");
                }
            });
            section(pipeline, "parameters").ifPresent(this::checkParameters);
            section(pipeline, "post").ifPresent(post -> {
                List<MethodCallExpression> always = children(body(post), "always");
                if (always.isEmpty()) {
                    problem(post, "post { } has no always { }");
                }
                for (String step : List.of("junit", "allure", "archiveArtifacts")) {
                    if (always.stream().allMatch(a -> calls(body(a), step).isEmpty())) {
                        problem(post, "post { always { } } does not call " + step);
                    }
                }
            });
            if (agent.isPresent() && stages.isPresent()) {
                checkBoardSteps();
            }
        }

        private void checkParameters(MethodCallExpression parameters) {
            Set<String> declared = new LinkedHashSet<>();
            for (MethodCallExpression p : children(body(parameters), "")) {
                named(p, "name").flatMap(Skeleton::text).ifPresent(declared::add);
            }
            for (String wanted : PARAMETERS) {
                if (!declared.contains(wanted)) {
                    problem(parameters, "parameters { } does not declare " + wanted + " (declared: " + declared + ")");
                }
            }
        }

        /** The steps that hold and use a board, wherever they are: the pipeline's script blocks or helper methods. */
        private void checkBoardSteps() {
            List<MethodCallExpression> locks = everywhere("lock");
            boolean boardLock = locks.stream().anyMatch(l -> named(l, "variable").flatMap(Skeleton::text)
                    .filter("RIG_BOARD"::equals).isPresent() && named(l, "label").isPresent());
            if (!boardLock) {
                problems.add(name + ": no lock(label: ..., variable: 'RIG_BOARD') { } (locks found: " + locks.size() + ")");
            }
            List<MethodCallExpression> shells = everywhere("sh");
            boolean health = shells.stream().anyMatch(s -> script(s).contains("rig health")
                    && named(s, "returnStatus").filter(e -> e instanceof ConstantExpression c
                            && Boolean.TRUE.equals(c.getValue())).isPresent());
            if (!health) {
                problems.add(name + ": no sh(script: '... rig health ...', returnStatus: true)");
            }
            if (shells.stream().noneMatch(s -> script(s).contains("-Drig.board="))) {
                problems.add(name + ": no sh step passes -Drig.board= to Maven");
            }
        }

        private Optional<MethodCallExpression> section(MethodCallExpression pipeline, String section) {
            List<MethodCallExpression> found = children(body(pipeline), section);
            if (found.isEmpty()) {
                problem(pipeline, "pipeline { } has no " + section);
                return Optional.empty();
            }
            if (found.size() > 1) {
                problem(found.get(1), "pipeline { } has " + found.size() + " " + section + " sections");
            }
            return Optional.of(found.get(0));
        }

        private List<MethodCallExpression> everywhere(String method) {
            List<MethodCallExpression> found = new ArrayList<>();
            for (ClassNode c : module.getClasses()) {
                for (MethodNode m : c.getMethods()) {
                    if (m.getCode() != null) {
                        found.addAll(calls(m.getCode(), method));
                    }
                }
            }
            return found;
        }

        private void problem(ASTNode at, String what) {
            problems.add(name + ":" + at.getLineNumber() + ":" + at.getColumnNumber() + ": " + what);
        }

        /** The calls written directly in a block (not nested in other calls); method "" means any. */
        private static List<MethodCallExpression> children(Statement block, String method) {
            List<MethodCallExpression> found = new ArrayList<>();
            if (block instanceof BlockStatement b) {
                for (Statement s : b.getStatements()) {
                    if (s instanceof ExpressionStatement e && e.getExpression() instanceof MethodCallExpression call
                            && (method.isEmpty() || method.equals(call.getMethodAsString()))) {
                        found.add(call);
                    }
                }
            }
            return found;
        }

        /** Every call of the method anywhere below the node, closures included. */
        private static List<MethodCallExpression> calls(ASTNode root, String method) {
            List<MethodCallExpression> found = new ArrayList<>();
            CodeVisitorSupport visitor = new CodeVisitorSupport() {
                @Override
                public void visitMethodCallExpression(MethodCallExpression call) {
                    if (method.equals(call.getMethodAsString())) {
                        found.add(call);
                    }
                    super.visitMethodCallExpression(call);
                }
            };
            root.visit(visitor);
            return found;
        }

        /** The body of the call's closure argument ({@code name { ... }}), else an empty block. */
        private static Statement body(MethodCallExpression call) {
            for (Expression e : arguments(call)) {
                if (e instanceof ClosureExpression c) {
                    return c.getCode();
                }
            }
            return new BlockStatement();
        }

        private static Optional<Expression> named(MethodCallExpression call, String key) {
            for (Expression e : arguments(call)) {
                if (e instanceof MapExpression map) {
                    for (MapEntryExpression entry : map.getMapEntryExpressions()) {
                        if (text(entry.getKeyExpression()).filter(key::equals).isPresent()) {
                            return Optional.of(entry.getValueExpression());
                        }
                    }
                }
            }
            return Optional.empty();
        }

        /** An sh step's script: its {@code script:} argument or its first plain argument. */
        private static String script(MethodCallExpression sh) {
            Optional<Expression> script = named(sh, "script");
            if (script.isEmpty()) {
                script = arguments(sh).stream().filter(e -> !(e instanceof MapExpression)).findFirst();
            }
            return script.flatMap(Skeleton::text).orElse("");
        }

        private static List<Expression> arguments(MethodCallExpression call) {
            return call.getArguments() instanceof TupleExpression t ? t.getExpressions() : List.of(call.getArguments());
        }

        /** A string literal's value; for a GString, its literal parts joined. */
        private static Optional<String> text(Expression e) {
            if (e instanceof ConstantExpression c && c.getValue() instanceof String s) {
                return Optional.of(s);
            }
            if (e instanceof GStringExpression g) {
                StringBuilder b = new StringBuilder();
                g.getStrings().forEach(s -> b.append(s.getValue()));
                return Optional.of(b.toString());
            }
            return Optional.empty();
        }
    }
}
