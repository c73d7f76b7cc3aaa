package com.caseclock.supportcli.command;

import java.io.PrintWriter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.caseclock.supportcli.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code resolve}: mark a failed event resolved with a comment (recorded with who and when). */
@Command(name = "resolve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Mark a failed sync event resolved, with a comment saying why (who and when are recorded "
                + "in its history). A later failure of the same event opens it again.")
public final class ResolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions services;

    @Parameters(index = "0", paramLabel = "FAILED_EVENT_ID", description = "The failed event's id (from list)")
    UUID id;

    @Option(names = {"-m", "--comment"}, required = true, paramLabel = "TEXT",
            description = "Why it is resolved, e.g. \"Entry re-entered by hand in Clio\"")
    String comment;

    @Option(names = "--json", description = "Print the API's JSON answer")
    boolean json;

    @Override
    public Integer call() {
        if (comment.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--comment must not be blank");
        }
        JsonNode answer = services.connector().post(ConnectorApi.resolve(id.toString()),
                Map.of("comment", comment.strip()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, answer);
        } else {
            out.printf("%s: resolved%n", id);
            out.flush();
        }
        return ExitCodes.OK;
    }
}
