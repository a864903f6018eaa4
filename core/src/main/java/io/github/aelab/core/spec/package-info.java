/**
 * Annotations that describe spec records to the experiment language: one-line docs and defaults.
 * They are read by the YAML binder and by {@code aelab describe}; the records themselves stay plain.
 */
package io.github.aelab.core.spec;
