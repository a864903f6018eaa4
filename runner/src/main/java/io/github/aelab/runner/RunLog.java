package io.github.aelab.runner;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Copies everything logged during a run into the run directory's {@code run.log}. */
final class RunLog implements AutoCloseable {
  private final FileAppender<ILoggingEvent> appender;
  private final Logger root;

  private RunLog(FileAppender<ILoggingEvent> appender, Logger root) {
    this.appender = appender;
    this.root = root;
  }

  static RunLog attach(Path file) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{ISO8601} %-5level %logger{0} - %msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("run-log");
    appender.setFile(file.toString());
    appender.setEncoder(encoder);
    appender.setImmediateFlush(true); // a crash must not lose the last lines
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    return new RunLog(appender, root);
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
