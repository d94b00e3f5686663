/**
 * The page's only script before the first paint: the stylesheet, and a few lines that start the
 * app. A page built with its content in it (build/prerender.ts) is painted first and the app
 * (app/boot.ts, preloaded by the HTML while the page paints) runs only after that paint, so a
 * phone shows the page as soon as its HTML and stylesheet have arrived. Any other page starts
 * the app at once.
 */
import { afterFirstContentfulPaint, prerenderState } from './app/prerendered'
import './app/styles.css'

const start = () => import('./app/boot').then((boot) => boot.start())
if (prerenderState() === 'show') void afterFirstContentfulPaint().then(start)
else void start()
