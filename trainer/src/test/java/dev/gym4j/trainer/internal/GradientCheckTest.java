package dev.gym4j.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.random.Generator;
import dev.gym4j.trainer.PpoConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every layer and loss against central finite differences: the dense layer and tanh through an MLP, both
 * heads' log-probability and entropy, and the whole PPO minibatch loss (policy, value with and without clipping,
 * entropy), for categorical, multi-categorical and Gaussian heads.
 */
class GradientCheckTest {

    /** An MLP's summed weighted output against finite differences of every parameter. */
    @Test
    void mlpLayersMatchFiniteDifferences() {
        Mlp mlp = new Mlp(new int[] {5, 7, 6, 3}, 0);
        float[] p = new float[mlp.paramCount()];
        Generator g = Generator.fromSeed(3);
        mlp.initialize(p, new Orthogonal(g), Math.sqrt(2), 1.0);
        for (int i = 0; i < p.length; i++) {
            p[i] += (float) (0.1 * g.standardNormal()); // non-zero biases too
        }
        int rows = 5;
        float[] x = new float[rows * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) g.standardNormal();
        }
        float[] w = new float[rows * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) g.standardNormal();
        }
        Mlp.Workspace ws = mlp.workspace(rows);
        mlp.syncTranspose(p);
        mlp.forward(p, x, 0, rows, ws);
        float[] grad = new float[p.length];
        mlp.backward(w.clone(), grad, ws);
        for (int i = 0; i < p.length; i++) {
            float saved = p[i];
            double h = 1e-2;
            p[i] = (float) (saved + h);
            double up = weighted(mlp, p, x, rows, w);
            p[i] = (float) (saved - h);
            double down = weighted(mlp, p, x, rows, w);
            p[i] = saved;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, grad[i], 2e-3 + 2e-3 * Math.abs(numeric), "parameter " + i);
        }
    }

    private static double weighted(Mlp mlp, float[] p, float[] x, int rows, float[] w) {
        Mlp.Workspace ws = mlp.workspace(rows);
        mlp.forward(p, x, 0, rows, ws);
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += (double) w[i] * ws.output()[i];
        }
        return s;
    }

    @Test
    void categoricalHeadMatchesFiniteDifferences() {
        int[] nvec = {3, 2, 4};
        float[] z = {0.3f, -1.2f, 0.7f, 0.1f, 0.4f, -0.5f, 1.5f, 0.2f, -0.3f};
        float[] a = {2, 0, 1};
        double gLogp = 0.7;
        double gEnt = -0.3;
        float[] dz = new float[z.length];
        double[] r = new double[2];
        Distributions.categorical(z, 0, nvec, a, 0, gLogp, gEnt, dz, r);
        for (int j = 0; j < z.length; j++) {
            float saved = z[j];
            double h = 1e-3;
            z[j] = (float) (saved + h);
            Distributions.categorical(z, 0, nvec, a, 0, 0, 0, null, r);
            double up = gLogp * r[0] + gEnt * r[1];
            z[j] = (float) (saved - h);
            Distributions.categorical(z, 0, nvec, a, 0, 0, 0, null, r);
            double down = gLogp * r[0] + gEnt * r[1];
            z[j] = saved;
            assertEquals((up - down) / (2 * h), dz[j], 1e-4, "logit " + j);
        }
    }

    @Test
    void categoricalValuesByHand() {
        // logits (0, ln 3): p = (1/4, 3/4); log p(1) = ln 0.75; H = -(0.25 ln 0.25 + 0.75 ln 0.75)
        float[] z = {0f, (float) Math.log(3)};
        double[] r = new double[2];
        Distributions.categorical(z, 0, new int[] {2}, new float[] {1}, 0, 0, 0, null, r);
        assertEquals(Math.log(0.75), r[0], 1e-7);
        assertEquals(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), r[1], 1e-7);
    }

    @Test
    void gaussianHeadMatchesFiniteDifferencesAndHandValues() {
        float[] mean = {0.5f, -1.0f};
        float[] logStd = {-0.3f, 0.2f};
        float[] a = {0.1f, 0.4f};
        double gLogp = -0.8;
        double gEnt = 0.25;
        float[] dm = new float[2];
        float[] dls = new float[2];
        double[] r = new double[2];
        Distributions.gaussian(mean, 0, logStd, 0, 2, a, 0, gLogp, gEnt, dm, dls, 0, r);
        double expectLogp = 0;
        double expectEnt = 0;
        for (int j = 0; j < 2; j++) {
            double s = Math.exp(logStd[j]);
            expectLogp += -Math.pow(a[j] - mean[j], 2) / (2 * s * s) - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
            expectEnt += 0.5 + 0.5 * Math.log(2 * Math.PI) + Math.log(s);
        }
        assertEquals(expectLogp, r[0], 1e-6);
        assertEquals(expectEnt, r[1], 1e-6);
        for (int j = 0; j < 2; j++) {
            assertEquals(fd(mean, j, () -> objective(mean, logStd, a, gLogp, gEnt)), dm[j], 1e-3, "mean " + j);
            assertEquals(fd(logStd, j, () -> objective(mean, logStd, a, gLogp, gEnt)), dls[j], 1e-3, "log-std " + j);
        }
    }

    private static double objective(float[] mean, float[] logStd, float[] a, double gLogp, double gEnt) {
        double[] r = new double[2];
        Distributions.gaussian(mean, 0, logStd, 0, mean.length, a, 0, 0, 0, null, null, 0, r);
        return gLogp * r[0] + gEnt * r[1];
    }

    private static double fd(float[] x, int j, java.util.function.DoubleSupplier f) {
        float saved = x[j];
        double h = 1e-3;
        x[j] = (float) (saved + h);
        double up = f.getAsDouble();
        x[j] = (float) (saved - h);
        double down = f.getAsDouble();
        x[j] = saved;
        return (up - down) / (2 * h);
    }

    @Test
    void ppoLossDiscreteUnclippedValue() {
        checkPpoLoss(ActorCritic.Kind.CATEGORICAL, new int[] {3}, false, 0.05);
    }

    @Test
    void ppoLossMultiDiscreteClippedValue() {
        checkPpoLoss(ActorCritic.Kind.CATEGORICAL, new int[] {2, 3}, true, 0.05);
    }

    @Test
    void ppoLossGaussianClippedValue() {
        checkPpoLoss(ActorCritic.Kind.GAUSSIAN, new int[0], true, 0.05);
    }

    @Test
    void ppoLossWithRatiosOutsideTheClipRange() {
        checkPpoLoss(ActorCritic.Kind.CATEGORICAL, new int[] {3}, true, 0.6);
    }

    /**
     * The whole minibatch loss against finite differences of a sample of parameters. {@code logpNoise} moves the
     * old log-probs away from the current ones (large values put ratios outside the clip range).
     */
    private static void checkPpoLoss(ActorCritic.Kind kind, int[] nvec, boolean clipV, double logpNoise) {
        int obsDim = 4;
        int actDim = kind == ActorCritic.Kind.GAUSSIAN ? 2 : nvec.length;
        PpoConfig config = PpoConfig.resolve("Test-v0", kind == ActorCritic.Kind.GAUSSIAN, Map.of("num_envs", 1,
                "num_steps", 16, "num_minibatches", 1, "clip_vloss", clipV, "ent_coef", 0.05, "hidden_sizes", "6,5"));
        ActorCritic net = new ActorCritic(obsDim, kind, nvec, actDim, config.hiddenSizes());
        Generator g = Generator.fromSeed(11);
        net.initialize(new Orthogonal(g));
        for (int i = 0; i < net.params().length; i++) {
            net.params()[i] += (float) (0.3 * g.standardNormal());
        }
        net.syncTranspose();
        PpoLearner learner = new PpoLearner(config, net, Generator.fromSeed(1));
        int n = 16;
        float[] obs = new float[n * obsDim];
        float[] act = new float[n * actDim];
        float[] oldLogp = new float[n];
        float[] oldV = new float[n];
        float[] adv = new float[n];
        float[] ret = new float[n];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) g.standardNormal();
        }
        Mlp.Workspace aws = net.actor().workspace(n);
        Mlp.Workspace cws = net.critic().workspace(n);
        net.actor().forward(net.params(), obs, 0, n, aws);
        net.critic().forward(net.params(), obs, 0, n, cws);
        double[] r = new double[2];
        for (int i = 0; i < n; i++) {
            if (kind == ActorCritic.Kind.GAUSSIAN) {
                for (int j = 0; j < actDim; j++) {
                    act[i * actDim + j] = (float) (aws.output()[i * actDim + j] + g.standardNormal());
                }
                Distributions.gaussian(aws.output(), i * actDim, net.params(), net.logStdOffset(), actDim, act, i * actDim,
                        0, 0, null, null, 0, r);
            } else {
                for (int j = 0; j < actDim; j++) {
                    act[i * actDim + j] = (float) g.integers(0, nvec[j]);
                }
                Distributions.categorical(aws.output(), i * net.actorOutputs(), nvec, act, i * actDim, 0, 0, null, r);
            }
            oldLogp[i] = (float) (r[0] + logpNoise * g.standardNormal());
            oldV[i] = (float) (cws.output()[i] + 0.3 * g.standardNormal());
            adv[i] = (float) g.standardNormal();
            ret[i] = oldV[i] + adv[i];
        }
        learner.setBatch(obs, act, oldLogp, oldV, adv, ret);
        learner.identityOrder();
        double[] stats = new double[6];
        learner.lossAndGradient(0, stats);
        float[] analytic = learner.gradients().clone();
        float[] p = net.params();
        int checked = 0;
        for (int i = 0; i < p.length; i += Math.max(1, p.length / 60)) {
            float saved = p[i];
            double h = 2e-3;
            p[i] = (float) (saved + h);
            net.syncTranspose();
            double up = learner.lossAndGradient(0, stats);
            p[i] = (float) (saved - h);
            net.syncTranspose();
            double down = learner.lossAndGradient(0, stats);
            p[i] = saved;
            net.syncTranspose();
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, analytic[i], 3e-3 + 3e-2 * Math.abs(numeric), "parameter " + i + " of " + p.length);
            checked++;
        }
        assertTrue(checked >= 30, "checked " + checked);
    }
}
