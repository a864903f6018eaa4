package io.github.aelab.experiments.bind;

import io.github.aelab.core.block.BlockSpec;
import io.github.aelab.experiments.yaml.YamlNode;
import io.github.aelab.models.DecoderSpec;
import java.util.List;

/** {@code decoder: mirror}, or {@code decoder: [ {type: dense, ...}, ... ]}. */
final class DecoderAdapter implements SpecBinder.Adapter {
  @Override
  public Object bind(SpecBinder binder, YamlNode node, String path, Problems problems) {
    if (node instanceof YamlNode.ScalarNode s && !s.isNull()) {
      if (s.text().equals("mirror")) {
        return new DecoderSpec.Mirror();
      }
      problems.add(s.location(), path, "expected 'mirror' or a list of blocks, found '" + s.text() + "'.",
          Suggestions.closest(s.text(), List.of("mirror")));
      return null;
    }
    if (node instanceof YamlNode.ListNode list) {
      if (list.items().isEmpty()) {
        problems.add(list.location(), path, "an explicit decoder needs at least one block; or write 'mirror'.", null);
        return null;
      }
      try {
        java.lang.reflect.Type listOfBlocks = Holder.class.getDeclaredField("blocks").getGenericType();
        @SuppressWarnings("unchecked")
        List<BlockSpec> blocks = (List<BlockSpec>) binder.bindGeneric(list, listOfBlocks, path, problems);
        return blocks == null ? null : new DecoderSpec.Explicit(blocks);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }
    problems.add(node.location(), path, "expected 'mirror' or a list of blocks, found " + node.describe() + ".", null);
    return null;
  }

  /** Carries the generic type List&lt;BlockSpec&gt; for reflection. */
  private static final class Holder {
    @SuppressWarnings("unused")
    List<BlockSpec> blocks;
  }
}
