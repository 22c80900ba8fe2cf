package io.tollgate.runtime.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs, run on the same JDK as the runtime itself (21+). */
public final class JavaCommand {

    private JavaCommand() {
    }

    public static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    public static List<String> mainClass(String classpath, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaHome().resolve("bin/java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public static List<String> jar(Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaHome().resolve("bin/java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
