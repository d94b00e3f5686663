/**
 * The page's only script before the first paint: the stylesheet, and a few lines that start the
 * app. A page built with its content in it (build/prerender.ts) is painted first and the app
 * (app/boot.ts) is fetched and run only after that paint, so a phone shows the page as soon as
 * its HTML and stylesheet have arrived, and the app's 50 kB never compete with them on a slow
 * connection. Any other page starts the app at once (the head script has already asked for
 * its files).
 */
import { afterFirstContentfulPaint, prerenderState } from './app/prerendered'
import { preloadApp } from './domain/prerender/early'
import './app/styles.css'

const start = () => import('./app/boot').then((boot) => boot.start())
if (prerenderState() === 'show')
  void afterFirstContentfulPaint().then(() => {
    preloadApp(document)
    return start()
  })
else void start()
