package io.github.aelab.experiments;

import io.github.aelab.core.io.RecordTree;
import io.github.aelab.experiments.bind.ComponentRegistry;
import io.github.aelab.models.DecoderSpec;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Spec records back to the experiment language: every key written out (defaults included), so
 * the resolved file of a run re-runs exactly. {@code load(write(x)) == x} is tested.
 */
public final class SpecWriter {
  private final ComponentRegistry registry;

  public SpecWriter(ComponentRegistry registry) {
    this.registry = registry;
  }

  public String toYaml(Object spec) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setSplitLines(false);
    return new Yaml(options).dump(toTree(spec));
  }

  public Object toTree(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number
        || value instanceof Enum<?> || value.getClass().isArray()) {
      return RecordTree.toTree(value);
    }
    if (value instanceof Path p) {
      return p.toString();
    }
    if (value instanceof DecoderSpec.Mirror) {
      return "mirror";
    }
    if (value instanceof DecoderSpec.Explicit e) {
      return toTree(e.blocks());
    }
    if (value instanceof Collection<?> c) {
      List<Object> list = new ArrayList<>();
      c.forEach(v -> list.add(toTree(v)));
      return list;
    }
    if (value.getClass().isRecord()) {
      Map<String, Object> map = new LinkedHashMap<>();
      registry.typeOf(value).ifPresent(t -> map.put("type", t.name()));
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        try {
          c.getAccessor().setAccessible(true);
          map.put(RecordTree.snake(c.getName()), toTree(c.getAccessor().invoke(value)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return map;
    }
    return value.toString();
  }
}
