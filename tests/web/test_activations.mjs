// The activations view (issue 13 §4) through the page: a cnn-small run, a trouser drawn with the
// mouse, Activations chosen in the Weights panel with the mouse: each hidden layer's shape
// (conv 14×14×16, pool 7×7×16, conv 7×7×32, pool 3×3×32, dense 64) and some activity; another
// stroke changes them. An MLP shows its one dense layer. Screenshots in English and Korean.
import path from 'node:path';
import { assert, openReady, state, waitState, trainAndWait, stroke, handClick, shotPanel } from './helpers.mjs';

const TROUSER = [[0.3, 0.1], [0.7, 0.1], [0.68, 0.9], [0.55, 0.9], [0.5, 0.3], [0.45, 0.9], [0.32, 0.9], [0.3, 0.1]];
const shape = (l) => `${l.kind} ${l.h}x${l.w}x${l.c}`;

export const tests = [
  {
    name: 'activations: a CNN\'s feature maps and an MLP\'s units for the drawing, in the Weights panel',
    async run({ page, url, out, note }) {
      await openReady(page, url);
      await trainAndWait(page, { epochs: 1, model: 'cnn-small', optimizer: 'adam' });
      let s = await state(page);
      assert(s.ui.weights.view === 'filters', `weights view ${s.ui.weights.view}`);
      s = await handClick(page, (x) => x.ui.weights.activations_box, 'the Activations box');
      s = await waitState(page, (x) => x.ui.weights.view === 'activations', 'the activations view');
      assert(s.ui.weights.activations.length === 0, 'activations shown with nothing drawn');
      await stroke(page, s.canvas.rect, TROUSER);
      s = await waitState(page, (x) => x.ui.weights.activations.length > 0, 'the activations of the drawing');
      const shapes = s.ui.weights.activations.map(shape).join(', ');
      note(`cnn-small: ${shapes}`);
      assert(shapes === 'conv 14x14x16, pool 7x7x16, conv 7x7x32, pool 3x3x32, dense 1x1x64', shapes);
      assert(s.ui.weights.activations.every((l) => l.max > 0 && l.sum > 0), 'a layer with no activity');
      await shotPanel(page, out, 'activations-cnn', 'weights');
      const before = JSON.stringify(s.ui.weights.activations);
      await stroke(page, s.canvas.rect, [[0.1, 0.5], [0.9, 0.5]]);
      await waitState(page, (x) => x.canvas.strokes === 2 && JSON.stringify(x.ui.weights.activations) !== before,
        'the activations after another stroke');

      // An MLP: one dense layer of 100 units.
      await trainAndWait(page, { epochs: 1, model: 'mlp', hidden: [100], optimizer: 'adam' });
      s = await waitState(page, (x) => x.ui.weights.view === 'activations' && x.ui.weights.activations.length === 1 &&
        x.model.kind === 'mlp', 'the MLP\'s activations');
      assert(shape(s.ui.weights.activations[0]) === 'dense 1x1x100', shape(s.ui.weights.activations[0]));
      await shotPanel(page, out, 'activations-mlp', 'weights');
      s = await handClick(page, (x) => x.ui.weights.activations_box, 'the Activations box again');
      await waitState(page, (x) => x.ui.weights.view === 'units', 'the weights again');

      await openReady(page, `${url}#lang=ko`);
      s = await handClick(page, (x) => x.ui.weights.activations_box, 'the Activations box (ko)');
      await waitState(page, (x) => x.ui.weights.view === 'activations' && x.ui.weights.activations.length === 1, 'ko');
      await shotPanel(page, out, 'activations-ko', 'weights');
    },
  },
];
