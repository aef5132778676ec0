// appc ImageManifest: an image's `manifest`, with its dependencies.

import { decodeApp, toApp, type GoApp } from './app.js';
import { decodeAnnotations } from './annotations.js';
import { fail, Scope } from './failure.js';
import {
  decodeInteger, decodeSlice, decodeStruct, field, fieldNode, srcOf, stringElement, StructType,
  type GoSlice, type Located, type Output,
} from './godecode.js';
import type { JsonDoc } from './jsondoc.js';
import { decodeLabels } from './labels.js';
import {
  decodeACIdentifier, decodeACKind, decodeHash, decodeSemVer, IMAGE_MANIFEST_KIND, invalidKindError,
} from './names.js';
import { toNameValues, type GoNameValue } from './namevalue.js';
import type { Dependency, ImageManifest } from './types.js';

// --- Dependency

interface GoDependency extends Located {
  imageName: string;
  imageID: string | null;
  labels: GoNameValue[] | null;
  size: bigint;
}

const DEPENDENCY = new StructType<GoDependency>('types.dependency', [
  field('imageName', (t, doc, node) => {
    t.imageName = decodeACIdentifier(doc, node);
  }),
  field('imageID', (t, doc, node) => {
    t.imageID = doc.isNull(node) ? null : decodeHash(doc, node);
  }),
  field('labels', (t, doc, node) => {
    t.labels = decodeLabels(doc, node);
  }),
  field('size', (t, doc, node, scope) => {
    t.size = decodeInteger(t.size, doc, node, scope, true);
  }),
]);

/** Dependency.UnmarshalJSON */
function decodeDependency(_current: GoDependency | undefined, doc: JsonDoc, node: number): GoDependency {
  const scope = new Scope();
  const d: GoDependency = { node: node, earlier: null, keys: {}, imageName: '', imageID: null, labels: null, size: 0n };
  decodeStruct(d, doc, node, scope, DEPENDENCY);
  scope.settle();
  if (d.imageName.length < 1) fail('imageName cannot be empty', d.node);
  return d;
}

// --- ImageManifest

export interface GoImage extends Located {
  acKind: string;
  /** null while unset (Go's zero SemVer). */
  acVersion: string | null;
  /** null while unset (Go's empty ACIdentifier). */
  name: string | null;
  labels: GoNameValue[] | null;
  app: GoApp | null;
  annotations: GoNameValue[] | null;
  dependencies: GoSlice<GoDependency> | null;
  pathWhitelist: GoSlice<string> | null;
}

const IMAGE = new StructType<GoImage>('schema.imageManifest', [
  field('acKind', (t, doc, node) => {
    t.acKind = decodeACKind(doc, node);
  }),
  field('acVersion', (t, doc, node) => {
    t.acVersion = decodeSemVer(doc, node);
  }),
  field('name', (t, doc, node) => {
    t.name = decodeACIdentifier(doc, node);
  }),
  field('labels', (t, doc, node) => {
    t.labels = decodeLabels(doc, node);
  }),
  field('app', (t, doc, node) => {
    t.app = doc.isNull(node) ? null : decodeApp(t.app, doc, node);
  }),
  field('annotations', (t, doc, node) => {
    t.annotations = decodeAnnotations(doc, node);
  }),
  field('dependencies', (t, doc, node, scope) => {
    t.dependencies = decodeSlice(t.dependencies, doc, node, scope, decodeDependency, 'types.Dependencies');
  }),
  field('pathWhitelist', (t, doc, node, scope) => {
    t.pathWhitelist = decodeSlice(t.pathWhitelist, doc, node, scope, stringElement, '[]string');
  }),
]);

/** ImageManifest.UnmarshalJSON of the document's top-level value. */
export function decodeImage(doc: JsonDoc): GoImage {
  const scope = new Scope();
  const image: GoImage = {
    node: 0, earlier: null, keys: {}, acKind: '', acVersion: null, name: null, labels: null, app: null, annotations: null,
    dependencies: null, pathWhitelist: null,
  };
  decodeStruct(image, doc, 0, scope, IMAGE);
  scope.settle();
  if (image.acKind !== IMAGE_MANIFEST_KIND) fail(invalidKindError(IMAGE_MANIFEST_KIND), fieldNode(doc, image, 'acKind'));
  if (image.acVersion === null) fail('acVersion must be set', image.node);
  if (image.name === null) fail('name must be set', image.node);
  return image;
}

export function toImageManifest(image: GoImage, out: Output): ImageManifest {
  return {
    acKind: 'ImageManifest',
    acVersion: image.acVersion ?? '',
    name: image.name ?? '',
    labels: toNameValues(image.labels, out),
    app: image.app === null ? null : toApp(image.app, out),
    annotations: toNameValues(image.annotations, out),
    dependencies: (image.dependencies?.items() ?? []).map((d): Dependency => ({
      imageName: d.imageName,
      imageID: d.imageID,
      labels: toNameValues(d.labels, out),
      size: Number(d.size),
      src: srcOf(out, d),
    })),
    pathWhitelist: image.pathWhitelist?.items() ?? [],
    src: srcOf(out, image),
  };
}
