package io.github.aelab.experiments.bind;

import static io.github.aelab.experiments.bind.ComponentKind.BLOCK;
import static io.github.aelab.experiments.bind.ComponentKind.CLUSTERER;
import static io.github.aelab.experiments.bind.ComponentKind.DATA_SOURCE;
import static io.github.aelab.experiments.bind.ComponentKind.HASHER;
import static io.github.aelab.experiments.bind.ComponentKind.DETECTOR;
import static io.github.aelab.experiments.bind.ComponentKind.OPTIMIZER;
import static io.github.aelab.experiments.bind.ComponentKind.REGULARIZER;
import static io.github.aelab.experiments.bind.ComponentKind.SCHEDULE;

import io.github.aelab.core.block.BatchNormBlock;
import io.github.aelab.core.block.Conv2DBlock;
import io.github.aelab.core.block.Conv2DTransposeBlock;
import io.github.aelab.core.block.DenseBlock;
import io.github.aelab.core.block.DropoutBlock;
import io.github.aelab.core.block.ReshapeBlock;
import io.github.aelab.core.optim.LearningRateSchedule;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.experiments.clusterer.AaeClusteringSpec;
import io.github.aelab.experiments.clusterer.DecSpec;
import io.github.aelab.experiments.clusterer.GmvaeSpec;
import io.github.aelab.experiments.clusterer.IdecSpec;
import io.github.aelab.experiments.data.CsvSource;
import io.github.aelab.experiments.data.GaussianBlobsSource;
import io.github.aelab.experiments.data.IdxSource;
import io.github.aelab.experiments.data.MatSource;
import io.github.aelab.experiments.data.NpzSource;
import io.github.aelab.experiments.data.SyntheticManifoldSource;
import io.github.aelab.experiments.detector.CodeDensitySpec;
import io.github.aelab.experiments.detector.DagmmSpec;
import io.github.aelab.experiments.detector.DeepSvddSpec;
import io.github.aelab.experiments.detector.OcnnSpec;
import io.github.aelab.experiments.detector.RdaSpec;
import io.github.aelab.experiments.detector.ReconstructionSpec;
import io.github.aelab.models.regularize.Contractive;
import io.github.aelab.models.regularize.GaussianNoise;
import io.github.aelab.models.regularize.KlSparsity;
import io.github.aelab.models.regularize.L1Sparsity;
import io.github.aelab.models.regularize.MaskingNoise;
import io.github.aelab.models.regularize.SaltAndPepperNoise;
import java.util.List;

/** The components of core, models, the anomaly detectors, the deep clusterers and the hashers under their experiment-file names. */
public final class BuiltInComponents {
  private BuiltInComponents() {}

  public static List<ComponentType> types() {
    return List.of(
        ComponentType.of(BLOCK, "dense", DenseBlock.Spec.class),
        ComponentType.of(BLOCK, "conv2d", Conv2DBlock.Spec.class),
        ComponentType.of(BLOCK, "conv2d_transpose", Conv2DTransposeBlock.Spec.class),
        ComponentType.of(BLOCK, "reshape", ReshapeBlock.Spec.class),
        ComponentType.of(BLOCK, "flatten", ReshapeBlock.FlattenSpec.class),
        ComponentType.of(BLOCK, "dropout", DropoutBlock.Spec.class),
        ComponentType.of(BLOCK, "batch_norm", BatchNormBlock.Spec.class),
        ComponentType.of(BLOCK, "gaussian", io.github.aelab.models.latent.GaussianCodeBlock.Spec.class),
        ComponentType.of(OPTIMIZER, "adam", OptimizerSpec.Adam.class),
        ComponentType.of(OPTIMIZER, "sgd", OptimizerSpec.Sgd.class),
        ComponentType.of(OPTIMIZER, "rmsprop", OptimizerSpec.RmsProp.class),
        ComponentType.of(SCHEDULE, "constant", LearningRateSchedule.Constant.class),
        ComponentType.of(SCHEDULE, "step", LearningRateSchedule.StepDecay.class),
        ComponentType.of(SCHEDULE, "cosine", LearningRateSchedule.Cosine.class),
        ComponentType.of(DATA_SOURCE, "synthetic_manifold", SyntheticManifoldSource.class),
        ComponentType.of(DATA_SOURCE, "gaussian_blobs", GaussianBlobsSource.class),
        ComponentType.of(DATA_SOURCE, "idx", IdxSource.class),
        ComponentType.of(DATA_SOURCE, "csv", CsvSource.class),
        ComponentType.of(DATA_SOURCE, "mat", MatSource.class),
        ComponentType.of(DATA_SOURCE, "npz", NpzSource.class),
        ComponentType.of(DATA_SOURCE, "concat", io.github.aelab.experiments.data.ConcatSource.class),
        ComponentType.of(DATA_SOURCE, "union_of_subspaces", io.github.aelab.experiments.data.UnionOfSubspacesSource.class),
        ComponentType.of(REGULARIZER, "masking_noise", MaskingNoise.class),
        ComponentType.of(REGULARIZER, "gaussian_noise", GaussianNoise.class),
        ComponentType.of(REGULARIZER, "salt_and_pepper_noise", SaltAndPepperNoise.class),
        ComponentType.of(REGULARIZER, "l1_sparsity", L1Sparsity.class),
        ComponentType.of(REGULARIZER, "kl_sparsity", KlSparsity.class),
        ComponentType.of(REGULARIZER, "contractive", Contractive.class),
        ComponentType.of(REGULARIZER, "kl_divergence", io.github.aelab.models.regularize.KlDivergence.class),
        ComponentType.of(REGULARIZER, "adversarial", io.github.aelab.models.regularize.Adversarial.class),
        ComponentType.of(REGULARIZER, "weight_decay", io.github.aelab.models.regularize.WeightDecay.class),
        ComponentType.of(DETECTOR, "reconstruction", ReconstructionSpec.class),
        ComponentType.of(DETECTOR, "code_density", CodeDensitySpec.class),
        ComponentType.of(DETECTOR, "dagmm", DagmmSpec.class),
        ComponentType.of(DETECTOR, "ocnn", OcnnSpec.class),
        ComponentType.of(DETECTOR, "deep_svdd", DeepSvddSpec.class),
        ComponentType.of(DETECTOR, "rda", RdaSpec.class),
        ComponentType.of(CLUSTERER, "dec", DecSpec.class),
        ComponentType.of(CLUSTERER, "idec", IdecSpec.class),
        ComponentType.of(CLUSTERER, "gmvae", GmvaeSpec.class),
        ComponentType.of(CLUSTERER, "aae", AaeClusteringSpec.class),
        ComponentType.of(CLUSTERER, "deep_subspace", io.github.aelab.experiments.clusterer.SubspaceSpec.class),
        ComponentType.of(HASHER, "semantic_hashing", io.github.aelab.experiments.hasher.SemanticHashingSpec.class),
        ComponentType.of(HASHER, "autoencoder_itq", io.github.aelab.experiments.hasher.AutoencoderItqSpec.class));
  }

  public static ComponentRegistry registry() {
    return new ComponentRegistry(types());
  }
}
